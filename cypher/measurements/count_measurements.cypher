// How many measurements a key result has, optionally observed within [since, until).
// :param keyResultId => "kr-discover-completion"
// :param since => null
// :param until => null
// Returns: total
OPTIONAL MATCH (:KeyResult {id: $keyResultId})-[:HAS_MEASUREMENT]->(m:Measurement)
WHERE ($since IS NULL OR m.observedAt >= $since)
  AND ($until IS NULL OR m.observedAt < $until)
RETURN count(m) AS total
