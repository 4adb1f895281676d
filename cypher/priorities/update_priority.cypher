// Change a priority's title and/or description (a null description removes it).
// :param id => "prio-onboarding"
// :param changes => {title: "Make onboarding effortless"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: priority (map: id, title, description, cycleId), or no row when the priority does not exist.
MATCH (p:Priority {id: $id})-[:IN_CYCLE]->(c:Cycle)
WHERE ($org IS NULL OR p.organisationId = $org)
SET p += $changes
RETURN p {.id, .title, .description, cycleId: c.id, .organisationId} AS priority
