// Create a priority in a yearly cycle (the caller has checked the cycle is a YEAR).
// :param id => "prio-example"
// :param title => "Make onboarding effortless"
// :param description => "New customers open an account in minutes, without a branch visit."
// :param cycleId => "cycle-2026"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: priority (map: id, title, description, cycleId, organisationId: its cycle's), or no row when the cycle does not exist.
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
CREATE (p:Priority:Keyed {id: $id, title: $title, description: $description, organisationId: c.organisationId})
CREATE (p)-[:IN_CYCLE]->(c)
RETURN p {.id, .title, .description, cycleId: c.id, .organisationId} AS priority
