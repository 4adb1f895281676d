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
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param staleCheckInDays => 14
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
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
WITH o, t, oc, day, lastDay, days,
     CASE WHEN days > 2 * $staleCheckInDays THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 6, o.id, oc.id] AS key,
     {check: "STALE_CHECK_IN", severity: severity, subjectKind: "OBJECTIVE", subjectId: o.id,
      subjectTitle: o.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: CASE
                 WHEN lastDay IS NULL THEN "never checked in; " + oc.name + " started " + toString(days) + " days"
                 ELSE "last check-in " + toString(days) + " days"
               END
               + CASE WHEN day < $asOf THEN " before it ended" ELSE " ago" END
               + CASE WHEN lastDay IS NULL THEN "" ELSE ", on " + toString(lastDay) END
               + " (limit " + toString($staleCheckInDays) + ")",
      value: days, limit: $staleCheckInDays} AS finding
WHERE key[0] <= coalesce({CRITICAL: 0, WARNING: 1, INFO: 2}[$minSeverity], 2)
ORDER BY key
WITH collect(finding {.*, key: key}) AS found
WITH found, [f IN found WHERE $after IS NULL OR f.key > $after] AS rest,
     size([f IN found WHERE f.key[0] = 0]) AS critical, size([f IN found WHERE f.key[0] = 1]) AS warnings,
     size([f IN found WHERE f.key[0] = 2]) AS infos
UNWIND CASE WHEN rest = [] AND found <> [] THEN [null] ELSE rest[0..coalesce($first + 1, size(rest))] END AS f
RETURN f.check AS check, f.severity AS severity, f.subjectKind AS subjectKind, f.subjectId AS subjectId,
       f.subjectTitle AS subjectTitle, f.ownerId AS ownerId, f.ownerName AS ownerName, f.cycleId AS cycleId,
       f.message AS message, f.value AS value, f.limit AS limit, critical, warnings, infos
