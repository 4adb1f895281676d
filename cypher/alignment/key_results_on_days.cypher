// Key results on several days: for a key result, or for every key result of an objective, its value and
// progress on each day of $days, in one pass (the trends of progressHistory and the leadership report).
// A day's value is the latest measurement observed on or before it (the whole day, UTC), its progress
// follows from that value and the KR's definition (as @value_on, then @progress_on); a null day reads the stored
// values (graph/core/history.py passes null for today and later days), and so does a key result never measured.
// observedAt is that measurement's time.
// Rows come per id of $ids (an objective's or a key result's), key result and day; an unknown id has none.
// :param ids => ["obj-discover-q1", "kr-identity-instant-verification"]
// :param days => [date("2026-01-15"), date("2026-02-15"), null]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, objectiveId, keyResultId, kind, weight, dayIndex (the day's place in $days), value, progress,
//   observedAt
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
UNWIND range(0, size($days) - 1) AS dayIndex
WITH id, o, k, dayIndex, $days[dayIndex] AS day
CALL (k, day) {
  OPTIONAL MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WHERE day IS NOT NULL AND m.observedAt < datetime({date: day}) + duration({days: 1})
  WITH k, day, m ORDER BY m.observedAt DESC, m.receivedAt DESC, m.id DESC LIMIT 1
  WITH k, m, day IS NULL OR NOT EXISTS { (k)-[:HAS_MEASUREMENT]->(:Measurement) } AS stored
  RETURN CASE WHEN stored THEN k.current ELSE m.value END AS value,
         CASE WHEN stored THEN k.lastObservedAt ELSE m.observedAt END AS observedAt
}
RETURN id, o.id AS objectiveId, k.id AS keyResultId, k.kind AS kind, coalesce(k.weight, 1.0) AS weight,
       dayIndex, value, @progress_on(k, day, value) AS progress, observedAt
ORDER BY id, keyResultId, dayIndex
