// Priorities by id, each with its yearly cycle. Ids that match nothing are left out.
// :param ids => ["prio-onboarding"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: priority (map: id, title, description, cycleId, organisationId)
UNWIND $ids AS id
MATCH (p:Priority {id: id})-[:IN_CYCLE]->(c:Cycle)
WHERE ($org IS NULL OR p.organisationId = $org)
RETURN p {.id, .title, .description, cycleId: c.id, .organisationId} AS priority
