// The objectives whose :Orphaned label can change when a cycle's dates change: those in the cycle, and those
// whose maintained alignCycles names it (their chain reaches strategy of that cycle).
// :param cycleId => "cycle-2026"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (o:Objective {organisationId: c.organisationId})
WHERE (o)-[:IN_CYCLE]->(c) OR c.id IN coalesce(o.alignCycles, [])
RETURN o.id AS id
ORDER BY id
