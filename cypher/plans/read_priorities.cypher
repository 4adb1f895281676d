// Every priority of one organisation.
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, title, description, cycleId)
MATCH (p:Priority {organisationId: $organisationId})-[:IN_CYCLE]->(c:Cycle)
RETURN collect(p {.id, .title, .description, cycleId: c.id}) AS items
