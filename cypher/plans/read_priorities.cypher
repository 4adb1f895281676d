// Every priority (priorities belong to a year, not to one organisation).
// Parameters: none.
// Returns: items (list of maps: id, title, description, cycleId)
MATCH (p:Priority)-[:IN_CYCLE]->(c:Cycle)
RETURN collect(p {.id, .title, .description, cycleId: c.id}) AS items
