// Record pushed values as measurements in their key results' history (the caller has validated the values,
// locked the key results and left out duplicates), then move each key result's current: the value of its
// latest observed measurement, a tie going to the latest received. Only the values just written can displace
// it, so no history is read in the usual cases:
// - the key result's latest new value (the latest observed, a tie going to the later item) was observed after
//   its lastObservedAt: it takes that value, and the progress the caller computed for it;
// - otherwise (late values, or a tie with lastObservedAt) the current measurement, which currentMeasurementId
//   names, and the latest new one are compared; the caller then computes and stores progress;
// - only a key result without a trustworthy currentMeasurementId (none yet, or it is not the measurement
//   lastObservedAt comes from, e.g. after the demo seeded history) reads its whole history.
// One entry per key result, holding its new values: one index lookup per key result, not per value.
// observedAt comes as ISO-8601 text and receivedAt as $receivedAt plus the item's index in microseconds (the
// driver converts datetimes slowly: 20,000 of them cost about a second).
// :param keyResults => [{keyResultId: "kr-discover-completion", measurementId: "m-example", value: 77.5, observedAt: "2026-02-01T09:00:00+00:00", progress: 0.5, rows: [{id: "m-example", value: 77.5, observedAt: "2026-02-01T09:00:00+00:00", index: 0, source: "amplitude", idempotencyKey: "demo-push-2026-02-01"}]}]
// :param receivedAt => datetime("2026-02-01T09:05:00Z")
// Returns: moved (key results that took their latest new value at once), recomputed (list of [keyResultId, current] for the others)
UNWIND $keyResults AS new
MATCH (k:KeyResult {id: new.keyResultId})
WITH k, new, datetime(new.observedAt) AS observedAt,
     coalesce(k.lastObservedAt < datetime(new.observedAt), false) AS newer
CALL (k, new) {
  UNWIND new.rows AS row
  CREATE (k)-[:HAS_MEASUREMENT]->(m:Measurement:Keyed {id: row.id})
  SET m.value = row.value,
      m.observedAt = datetime(row.observedAt),
      m.receivedAt = $receivedAt + duration({microseconds: row.index}),
      m.source = row.source,
      m.idempotencyKey = row.idempotencyKey
}
OPTIONAL CALL (k, new, newer) {
  WITH k, new WHERE NOT newer
  OPTIONAL MATCH (pointed:Measurement {id: k.currentMeasurementId})
  WHERE pointed.observedAt = k.lastObservedAt AND (k)-[:HAS_MEASUREMENT]->(pointed)
  WITH k, new, pointed.id AS currentId
  CALL (k, new, currentId) {
    WITH new, currentId WHERE currentId IS NOT NULL
    MATCH (m:Measurement)
    WHERE m.id IN [currentId, new.measurementId]
    RETURN m
    ORDER BY m.observedAt DESC, m.receivedAt DESC, m.id DESC
    LIMIT 1
    UNION
    WITH k, currentId WHERE currentId IS NULL
    MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
    RETURN m
    ORDER BY m.observedAt DESC, m.receivedAt DESC, m.id DESC
    LIMIT 1
  }
  RETURN m
}
SET k.current = coalesce(m.value, new.value),
    k.lastObservedAt = coalesce(m.observedAt, observedAt),
    k.currentMeasurementId = coalesce(m.id, new.measurementId),
    k.progress = CASE WHEN m IS NULL THEN new.progress ELSE k.progress END
RETURN count(k) - count(m) AS moved, collect(CASE WHEN m IS NOT NULL THEN [k.id, k.current] END) AS recomputed
