// How many priorities there are, optionally only those of one cycle.
// :param cycleId => "cycle-2026"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (p:Priority)
WHERE ($cycleId IS NULL OR EXISTS { (p)-[:IN_CYCLE]->(:Cycle {id: $cycleId}) })
  AND ($org IS NULL OR p.organisationId = $org)
RETURN count(p) AS total
