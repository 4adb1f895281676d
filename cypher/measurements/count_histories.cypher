// How many measurements each key result has, optionally observed within [since, until).
// :param ids => ["kr-identity-instant-verification", "kr-discover-completion"]
// :param since => null
// :param until => null
// Returns: key (the key result's id), total (0 for a KR without history)
UNWIND $ids AS id
OPTIONAL MATCH (:KeyResult {id: id})-[:HAS_MEASUREMENT]->(m:Measurement)
WHERE ($since IS NULL OR m.observedAt >= $since)
  AND ($until IS NULL OR m.observedAt < $until)
RETURN id AS key, count(m) AS total
