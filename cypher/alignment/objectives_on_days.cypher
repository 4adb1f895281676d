// Objectives on several days: for each objective of $ids, its own progress on each day of $days, from its key
// results' values on that day (the latest measurement observed on or before it, the whole day, UTC; as
// alignment/key_results_on_days, which gives them one row per key result and day). One row per objective,
// with per day the [weight, progress] of each of its key results in id order (progress null when it has none
// then): graph/alignment/history.py takes the weighted mean, as `rollup` does. For progressHistory's trends
// and the leadership report.
// A null day reads the stored values (graph/core/history.py passes null for today and later days), and so
// does a key result never measured. An id that is not an objective's has no row.
// :param ids => ["obj-discover-q1", "obj-identity-q1"]
// :param days => [date("2026-01-15"), date("2026-02-15"), null]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, days (per day of $days: a list of [weight, progress], one per key result, by key result id)
// The end of each day, worked out once (a null day stays null).
WITH [day IN $days | CASE WHEN day IS NOT NULL THEN datetime({date: day}) + duration({days: 1}) END] AS ends
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Objective {id: id})-[:HAS_KEY_RESULT]->(k:KeyResult)
  WHERE ($org IS NULL OR o.organisationId = $org)
  RETURN o, k
}
// Each key result's measurements are read and sorted once, oldest first (ties: the later received last, as
// the stored current); each day then takes the last one observed before the day's end.
CALL (k) {
  OPTIONAL MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WITH m ORDER BY m.observedAt, m.receivedAt, m.id
  RETURN collect(m {.value, .observedAt}) AS measured
}
UNWIND range(0, size($days) - 1) AS dayIndex
WITH id, k, measured, dayIndex, $days[dayIndex] AS day, ends[dayIndex] AS dayEnd
WITH id, k, dayIndex, day,
     CASE WHEN day IS NULL OR size(measured) = 0 THEN {value: k.current, observedAt: k.lastObservedAt}
          ELSE [m IN measured WHERE m.observedAt < dayEnd][-1]
     END AS picked
WITH id, k, dayIndex, day, picked.value AS value
WITH id, dayIndex, k.id AS keyResultId, coalesce(k.weight, 1.0) AS weight, @progress_on(k, day, value) AS progress
ORDER BY id, dayIndex, keyResultId
WITH id, dayIndex, collect([weight, progress]) AS keyResults
ORDER BY id, dayIndex
RETURN id, collect(keyResults) AS days
ORDER BY id
