// How many priorities there are, optionally only those of one cycle.
// :param cycleId => "cycle-2026"
// Returns: total
MATCH (p:Priority)
WHERE $cycleId IS NULL OR EXISTS { (p)-[:IN_CYCLE]->(:Cycle {id: $cycleId}) }
RETURN count(p) AS total
