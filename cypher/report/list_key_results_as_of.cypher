// The key results of the given objectives as they stood on $asOf, and which of them are stale. Staleness is
// judged as the OKR health check health/stale_measurements judges it (a test keeps the two in step):
// a METRIC or KBI key result of an ACTIVE objective is stale when it has had no measurement for more than
// $staleDays days, counted up to $asOf (or up to the last day of its objective's cycle when that has passed)
// from its latest measurement observed by then, or from the cycle's start when it was never measured.
// Nothing is stale before its cycle starts; milestones (done or not) are never stale.
// lastMeasuredAt is that latest measurement's time (null when never measured); daysWithoutMeasurement the days
// counted (null for milestones and before the cycle starts). current and progress are as of $valuesOn: on a
// past day the latest measurement observed by then and its progress (null when none was; @value_on,
// @progress_on); null reads the stored values (today's).
// :param objectiveIds => ["obj-digital-first-week", "obj-discover-q1"]
// :param asOf => date("2026-02-15")
// :param valuesOn => date("2026-02-15")
// :param staleDays => 14
// Returns: objectiveId, id, title, kind, direction, unit, baseline, target, current, done, weight, progress,
//   lastMeasuredAt, daysWithoutMeasurement, stale
UNWIND $objectiveIds AS objectiveId
MATCH (o:Objective {id: objectiveId})-[:HAS_KEY_RESULT]->(k:KeyResult)
OPTIONAL MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
WITH objectiveId, o, k, oc, CASE WHEN $asOf < oc.endDate THEN $asOf ELSE oc.endDate END AS day
CALL (k, day) {
  OPTIONAL MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WHERE date(m.observedAt) <= day
  RETURN max(m.observedAt) AS lastMeasuredAt
}
WITH objectiveId, o, k, lastMeasuredAt, @value_on(k, $valuesOn) AS current,
     CASE WHEN k.kind IN ["METRIC", "KBI"] AND day >= oc.startDate
          THEN duration.inDays(coalesce(date(lastMeasuredAt), oc.startDate), day).days END AS days
RETURN objectiveId, k.id AS id, k.title AS title, k.kind AS kind, k.direction AS direction, k.unit AS unit,
       k.baseline AS baseline, k.target AS target, current, k.done AS done,
       coalesce(k.weight, 1.0) AS weight, @progress_on(k, $valuesOn, current) AS progress, lastMeasuredAt,
       days AS daysWithoutMeasurement,
       coalesce(o.status = "ACTIVE" AND days > $staleDays, false) AS stale
ORDER BY objectiveId, id
