// Rename a cycle and/or change its dates (the caller has checked them against parent and sub-cycles).
// :param id => "cycle-2026-q1"
// :param changes => {name: "Q1 2026"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId, organisationId), or no row when the cycle does not exist.
MATCH (c:Cycle {id: $id})
WHERE ($org IS NULL OR c.organisationId = $org)
SET c += $changes
WITH c
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id, .organisationId} AS cycle
