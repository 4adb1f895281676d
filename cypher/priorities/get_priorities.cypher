// Priorities by id, each with its yearly cycle. Ids that match nothing are left out.
// :param ids => ["prio-onboarding"]
// Returns: priority (map: id, title, description, cycleId)
UNWIND $ids AS id
MATCH (p:Priority {id: id})-[:IN_CYCLE]->(c:Cycle)
RETURN p {.id, .title, .description, cycleId: c.id} AS priority
