// Every cycle of one organisation, with its dates as text and its status.
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, name, kind, startDate, endDate, parentId, status)
MATCH (c:Cycle {organisationId: $organisationId})
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN collect(c {.id, .name, .kind, startDate: toString(c.startDate), endDate: toString(c.endDate),
                  parentId: parent.id, status: coalesce(c.status, "OPEN")}) AS items
