// One page of teams ordered by id, optionally only the direct children of one unit.
// :param parentId => null
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: team (map: id, name, kind, parentId, organisationId); fetch first+1 rows to learn hasNextPage.
MATCH (t:Team)-[:BELONGS_TO]->(org:Organisation)
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
WITH t, org, parent
WHERE ($parentId IS NULL OR parent.id = $parentId)
  AND ($org IS NULL OR org.id = $org)
  AND ($after IS NULL OR t.id > $after)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
ORDER BY t.id
LIMIT $first + 1
