// Cycles by id, each with the cycle it sits within. Ids that match nothing are left out.
// :param ids => ["cycle-2026", "cycle-2026-q1"]
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId)
UNWIND $ids AS id
MATCH (c:Cycle {id: id})
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id} AS cycle
