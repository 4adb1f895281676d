// OKR health, STALE_MEASUREMENT: key results nobody has measured for more than $staleMeasurementDays days
// (the setting AG_HEALTH_STALE_MEASUREMENT_DAYS, default 14). A KR updated by hand once a quarter is a dead KR.
// Days are counted up to the day staleness is judged on: $asOf, or the end of the objective's cycle when that
// has passed (a finished cycle is judged on its last day); nothing is stale before its cycle starts.
// The last measurement is the latest observed (observedAt, UTC date) on or before that day, pushed by an
// integration or given in a check-in. A KR never measured counts from its cycle's start: key results record no
// creation time, and the cycle's start is when the team committed to measuring it.
// Severity: WARNING; CRITICAL beyond twice the limit (e.g. 29 days with the default 14).
// Looks at the METRIC and KBI key results (milestones are done or not, nothing to measure) of ACTIVE objectives
// in $cycleId or a cycle within it (a year includes its quarters), owned by $unitId or any unit inside it
// ($unitId null: the whole organisation).
// value: days without a measurement; limit: $staleMeasurementDays.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param staleMeasurementDays => 14
// Returns: check, severity, subjectKind (KEY_RESULT), subjectId, subjectTitle, ownerId, ownerName (the objective's owner), cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective {status: "ACTIVE"})-[:IN_CYCLE]->(oc)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc, CASE WHEN $asOf < oc.endDate THEN $asOf ELSE oc.endDate END AS day
WHERE day >= oc.startDate
MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE k.kind IN ["METRIC", "KBI"]
CALL (k, day) {
  OPTIONAL MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WHERE date(m.observedAt) <= day
  RETURN date(max(m.observedAt)) AS lastDay
}
WITH k, t, oc, day, lastDay, duration.inDays(coalesce(lastDay, oc.startDate), day).days AS days
WHERE days > $staleMeasurementDays
RETURN "STALE_MEASUREMENT" AS check,
       CASE WHEN days > 2 * $staleMeasurementDays THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "KEY_RESULT" AS subjectKind, k.id AS subjectId, k.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       CASE
         WHEN lastDay IS NULL THEN "never measured; " + oc.name + " started " + toString(days) + " days"
         ELSE "last measurement " + toString(days) + " days"
       END
       + CASE WHEN day < $asOf THEN " before it ended" ELSE " ago" END
       + CASE WHEN lastDay IS NULL THEN "" ELSE ", on " + toString(lastDay) END
       + " (limit " + toString($staleMeasurementDays) + ")" AS message,
       days AS value, $staleMeasurementDays AS limit
ORDER BY subjectId
