// The key results of the given objectives as they stood on $asOf, and which of them are stale: a key result is
// stale when no measurement was observed in the $staleDays days up to $asOf (or it was never measured).
// lastMeasuredAt is the latest measurement observed on or before $asOf (the whole day, UTC); daysSinceMeasured
// counts whole days from that measurement's date to $asOf (null when never measured). current and progress
// are the stored values (the latest measurement, or a value set by hand).
// :param objectiveIds => ["obj-digital-first-week", "obj-discover-q1"]
// :param asOf => date("2026-02-15")
// :param staleDays => 14
// Returns: objectiveId, id, title, kind, direction, unit, baseline, target, current, done, weight, progress,
//   lastMeasuredAt, daysSinceMeasured, stale
UNWIND $objectiveIds AS objectiveId
MATCH (:Objective {id: objectiveId})-[:HAS_KEY_RESULT]->(k:KeyResult)
CALL (k) {
  OPTIONAL MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WHERE m.observedAt < datetime({date: $asOf}) + duration({days: 1})
  RETURN max(m.observedAt) AS lastMeasuredAt
}
WITH objectiveId, k, lastMeasuredAt,
     CASE WHEN lastMeasuredAt IS NOT NULL
          THEN duration.inDays(date(lastMeasuredAt), $asOf).days END AS daysSinceMeasured
RETURN objectiveId, k.id AS id, k.title AS title, k.kind AS kind, k.direction AS direction, k.unit AS unit,
       k.baseline AS baseline, k.target AS target, k.current AS current, k.done AS done,
       coalesce(k.weight, 1.0) AS weight, k.progress AS progress, lastMeasuredAt, daysSinceMeasured,
       daysSinceMeasured IS NULL OR daysSinceMeasured > $staleDays AS stale
ORDER BY objectiveId, id
