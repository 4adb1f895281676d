// Cycles by id, each with the cycle it sits within. Ids that match nothing are left out.
// :param ids => ["cycle-2026", "cycle-2026-q1"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId, organisationId)
UNWIND $ids AS id
MATCH (c:Cycle {id: id})
WHERE ($org IS NULL OR c.organisationId = $org)
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id, .organisationId} AS cycle
