// Cycles by id, each with the cycle it sits within. Ids that match nothing are left out.
// :param ids => ["cycle-2026", "cycle-2026-q1"]
// Returns: cycle (map: id, name, kind, startDate, endDate, parentId)
UNWIND $ids AS id
MATCH (c:Cycle {id: id})
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN c {.id, .name, .kind, .startDate, .endDate, parentId: parent.id} AS cycle
