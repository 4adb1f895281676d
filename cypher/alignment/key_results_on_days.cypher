// Key results on several days: for a key result, or for every key result of an objective, its value and
// progress on each day of $days, in one pass (the trends of progressHistory and the leadership report).
// A day's value is the latest measurement observed on or before it (the whole day, UTC), its progress
// follows from that value and the KR's definition (as @value_on, then @progress_on); a null day reads the stored
// values (graph/core/history.py passes null for today and later days), and so does a key result never measured.
// observedAt is that measurement's time, as ISO text (reading 6,000 temporal values costs the Python driver
// about a second; the text costs nothing).
// Rows come per id of $ids (an objective's or a key result's), key result and day; an unknown id has none.
// :param ids => ["obj-discover-q1", "kr-identity-instant-verification"]
// :param days => [date("2026-01-15"), date("2026-02-15"), null]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, objectiveId, keyResultId, kind, weight, dayIndex (the day's place in $days), value, progress,
//   observedAt
// The end of each day, worked out once (a null day stays null).
WITH [day IN $days | CASE WHEN day IS NOT NULL THEN datetime({date: day}) + duration({days: 1}) END] AS ends
UNWIND $ids AS id
CALL (id) {
  MATCH (o:Objective {id: id})-[:HAS_KEY_RESULT]->(k:KeyResult)
  WHERE ($org IS NULL OR o.organisationId = $org)
  RETURN o, k
  UNION
  MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
  WHERE ($org IS NULL OR k.organisationId = $org)
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
WITH id, o, k, measured, dayIndex, $days[dayIndex] AS day, ends[dayIndex] AS dayEnd
WITH id, o, k, dayIndex, day,
     CASE WHEN day IS NULL OR size(measured) = 0 THEN {value: k.current, observedAt: k.lastObservedAt}
          ELSE [m IN measured WHERE m.observedAt < dayEnd][-1]
     END AS picked
WITH id, o, k, dayIndex, day, picked.value AS value, picked.observedAt AS observedAt
RETURN id, o.id AS objectiveId, k.id AS keyResultId, k.kind AS kind, coalesce(k.weight, 1.0) AS weight,
       dayIndex, value, @progress_on(k, day, value) AS progress, toString(observedAt) AS observedAt
ORDER BY id, keyResultId, dayIndex
