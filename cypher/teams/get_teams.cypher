// Teams by id, each with its parent unit and organisation. Ids that match nothing are left out.
// :param ids => ["team-discover", "bu-digital"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: team (map: id, name, kind, parentId, organisationId)
UNWIND $ids AS id
MATCH (t:Team {id: id})-[:BELONGS_TO]->(org:Organisation)
WHERE $org IS NULL OR org.id = $org
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
