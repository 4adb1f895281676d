// Every cycle (cycles belong to no one organisation), with its dates as text and its status.
// Parameters: none.
// Returns: items (list of maps: id, name, kind, startDate, endDate, parentId, status)
MATCH (c:Cycle)
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN collect(c {.id, .name, .kind, startDate: toString(c.startDate), endDate: toString(c.endDate),
                  parentId: parent.id, status: coalesce(c.status, "OPEN")}) AS items
