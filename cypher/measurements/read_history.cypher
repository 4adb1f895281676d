// One page of a key result's history: its measurements, newest observed first, optionally within
// [since, until). The page after a cursor starts below (afterObservedAt, afterId).
// :param keyResultId => "kr-discover-completion"
// :param since => null
// :param until => null
// :param afterObservedAt => null
// :param afterId => null
// :param first => 50
// Returns: measurement (map: id, value, observedAt, receivedAt, source, idempotencyKey); first+1 rows tell hasNextPage.
MATCH (:KeyResult {id: $keyResultId})-[:HAS_MEASUREMENT]->(m:Measurement)
WHERE ($since IS NULL OR m.observedAt >= $since)
  AND ($until IS NULL OR m.observedAt < $until)
  AND ($afterObservedAt IS NULL OR m.observedAt < $afterObservedAt
       OR (m.observedAt = $afterObservedAt AND m.id < $afterId))
RETURN m {.id, .value, .observedAt, .receivedAt, .source, .idempotencyKey} AS measurement
ORDER BY m.observedAt DESC, m.id DESC
LIMIT $first + 1
