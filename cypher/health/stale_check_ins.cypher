// OKR health, STALE_CHECK_IN: team objectives with no GRIP check-in for more than $staleCheckInDays days (the
// setting AG_HEALTH_STALE_CHECK_IN_DAYS, default 14; teams are meant to check in weekly).
// Days are counted up to the day staleness is judged on: $asOf, or the end of the objective's cycle when that
// has passed (a finished cycle is judged on its last day); nothing is stale before its cycle starts.
// The last check-in is the latest created (createdAt, UTC date) on or before that day. An objective never
// checked in counts from its cycle's start: objectives record no creation time, and the cycle's start is when
// the team committed to it.
// Severity: WARNING; CRITICAL beyond twice the limit (e.g. 29 days with the default 14).
// Looks at ACTIVE TEAM objectives (strategic OKRs are reviewed through their roll-up, not weekly check-ins) in
// $cycleId or a cycle within it (a year includes its quarters), owned by $unitId or any unit inside it ($unitId
// null: the whole organisation).
// value: days without a check-in; limit: $staleCheckInDays.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param staleCheckInDays => 14
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective {status: "ACTIVE", tier: "TEAM"})-[:IN_CYCLE]->(oc)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc, CASE WHEN $asOf < oc.endDate THEN $asOf ELSE oc.endDate END AS day
WHERE day >= oc.startDate
CALL (o, day) {
  OPTIONAL MATCH (o)-[:HAS_CHECK_IN]->(ci:CheckIn)
  WHERE date(ci.createdAt) <= day
  RETURN date(max(ci.createdAt)) AS lastDay
}
WITH o, t, oc, day, lastDay, duration.inDays(coalesce(lastDay, oc.startDate), day).days AS days
WHERE days > $staleCheckInDays
RETURN "STALE_CHECK_IN" AS check,
       CASE WHEN days > 2 * $staleCheckInDays THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "OBJECTIVE" AS subjectKind, o.id AS subjectId, o.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       CASE
         WHEN lastDay IS NULL THEN "never checked in; " + oc.name + " started " + toString(days) + " days"
         ELSE "last check-in " + toString(days) + " days"
       END
       + CASE WHEN day < $asOf THEN " before it ended" ELSE " ago" END
       + CASE WHEN lastDay IS NULL THEN "" ELSE ", on " + toString(lastDay) END
       + " (limit " + toString($staleCheckInDays) + ")" AS message,
       days AS value, $staleCheckInDays AS limit
ORDER BY subjectId
