// One page of cycles ordered by id, optionally only those directly within one cycle.
// :param parentId => null
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId, organisationId); fetch first+1 rows to learn hasNextPage.
MATCH (c:Cycle)
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
WITH c, parent
WHERE ($parentId IS NULL OR parent.id = $parentId)
  AND ($org IS NULL OR c.organisationId = $org)
  AND ($after IS NULL OR c.id > $after)
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id, .organisationId} AS cycle
ORDER BY c.id
LIMIT $first + 1
