// The cycles directly within each given cycle (a year's quarters), ordered by start date.
// :param ids => ["cycle-2026"]
// Returns: key (the parent's id), cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId, organisationId)
UNWIND $ids AS id
MATCH (c:Cycle)-[:WITHIN]->(parent:Cycle {id: id})
RETURN id AS key, c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id, .organisationId} AS cycle
ORDER BY c.startDate, c.id
