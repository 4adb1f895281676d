// Create a priority in a yearly cycle (the caller has checked the cycle is a YEAR).
// :param id => "prio-example"
// :param title => "Make onboarding effortless"
// :param description => "New customers open an account in minutes, without a branch visit."
// :param cycleId => "cycle-2026"
// Returns: priority (map: id, title, description, cycleId), or no row when the cycle does not exist.
MATCH (c:Cycle {id: $cycleId})
CREATE (p:Priority {id: $id, title: $title, description: $description})
CREATE (p)-[:IN_CYCLE]->(c)
RETURN p {.id, .title, .description, cycleId: c.id} AS priority
