// Record pushed values as measurements in their key results' history (the caller has validated the values,
// locked the key results and left out duplicates), then move each key result's current. Only the values just
// written can displace current. A key result whose latest new value ($latest: the latest observed, a tie
// going to the later item) was observed after its lastObservedAt takes that value, and the progress the caller
// computed for it, without reading its history. Any other key result (the new values are late, or tie with
// lastObservedAt, or it has no lastObservedAt yet) takes current from its whole history: the latest observed
// measurement, a tie going to the latest received; the caller then computes and stores its progress.
// observedAt comes as ISO-8601 text and receivedAt as $receivedAt plus the item's index in microseconds (the
// driver converts datetimes slowly: 20,000 of them cost seconds).
// :param rows => [{id: "m-example", keyResultId: "kr-discover-completion", value: 77.5, observedAt: "2026-02-01T09:00:00+00:00", index: 0, source: "amplitude", idempotencyKey: "demo-push-2026-02-01"}]
// :param receivedAt => datetime("2026-02-01T09:05:00Z")
// :param latest => [{keyResultId: "kr-discover-completion", value: 77.5, observedAt: "2026-02-01T09:00:00+00:00", progress: 0.5}]
// Returns: created (measurements written), moved (key results that took their new value), recomputed (list of [keyResultId, current] for those that read their history)
CALL () {
  UNWIND $rows AS row
  MATCH (k:KeyResult {id: row.keyResultId})
  CREATE (k)-[:HAS_MEASUREMENT]->(m:Measurement {id: row.id})
  SET m.value = row.value,
      m.observedAt = datetime(row.observedAt),
      m.receivedAt = $receivedAt + duration({microseconds: row.index}),
      m.source = row.source,
      m.idempotencyKey = row.idempotencyKey
  RETURN count(m) AS created
}
CALL () {
  // First the key results whose new values may not be the latest: their history decides.
  UNWIND $latest AS new
  MATCH (k:KeyResult {id: new.keyResultId})
  WHERE NOT coalesce(k.lastObservedAt < datetime(new.observedAt), false)
  CALL (k) {
    MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
    RETURN m
    ORDER BY m.observedAt DESC, m.receivedAt DESC, m.id DESC
    LIMIT 1
  }
  SET k.current = m.value, k.lastObservedAt = m.observedAt
  RETURN collect([k.id, k.current]) AS recomputed
}
CALL () {
  // Then the rest (their lastObservedAt is still the one from before this push): the new value is current.
  UNWIND $latest AS new
  MATCH (k:KeyResult {id: new.keyResultId})
  WHERE k.lastObservedAt < datetime(new.observedAt)
  SET k.current = new.value, k.lastObservedAt = datetime(new.observedAt), k.progress = new.progress
  RETURN count(k) AS moved
}
RETURN created, moved, recomputed
