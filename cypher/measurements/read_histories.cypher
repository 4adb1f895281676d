// One page of each key result's history: its measurements, newest observed first, optionally observed within
// [since, until). Every key result gets the same window and page size (a list of KRs asking for history in one
// request); the page after a cursor starts below (afterObservedAt, afterId). One subquery per key result keeps
// at most first+1 of its measurements, so a long history is not collected whole.
// :param ids => ["kr-identity-instant-verification", "kr-discover-tickets", "kr-nope"]
// :param since => null
// :param until => null
// :param afterObservedAt => null
// :param afterId => null
// :param first => 50
// Returns: key (the key result's id), measurement (map: id, value, observedAt, receivedAt, source, idempotencyKey); at most first+1 rows per key result (one more than asked tells hasNextPage), none for a KR without history
UNWIND $ids AS id
CALL (id) {
  MATCH (:KeyResult {id: id})-[:HAS_MEASUREMENT]->(m:Measurement)
  WHERE ($since IS NULL OR m.observedAt >= $since)
    AND ($until IS NULL OR m.observedAt < $until)
    AND ($afterObservedAt IS NULL OR m.observedAt < $afterObservedAt
         OR (m.observedAt = $afterObservedAt AND m.id < $afterId))
  RETURN m
  ORDER BY m.observedAt DESC, m.id DESC
  LIMIT $first + 1
}
WITH id, m
ORDER BY id, m.observedAt DESC, m.id DESC
RETURN id AS key, m {.id, .value, .observedAt, .receivedAt, .source, .idempotencyKey} AS measurement
