// OKR health, STALE_MEASUREMENT: key results nobody has measured for more than $staleMeasurementDays days
// (the setting AG_HEALTH_STALE_MEASUREMENT_DAYS, default 14). A KR updated by hand once a quarter is a dead KR.
// Days are counted up to the day staleness is judged on: $asOf, or the end of the objective's cycle when that
// has passed (a finished cycle is judged on its last day); nothing is stale before its cycle starts.
// The last measurement is the latest observed (observedAt, UTC date) on or before that day, pushed by an
// integration, given in a check-in or set by hand (updateKeyResult's current). A KR never measured counts from its cycle's start: key results record no
// creation time, and the cycle's start is when the team committed to measuring it.
// Severity: WARNING; CRITICAL beyond twice the limit (e.g. 29 days with the default 14).
// Looks at the METRIC and KBI key results (milestones are done or not, nothing to measure) of ACTIVE objectives
// in $cycleId or a cycle within it (a year includes its quarters), owned by $unitId or any unit inside it
// ($unitId null: the whole organisation).
// value: days without a measurement; limit: $staleMeasurementDays.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param staleMeasurementDays => 14
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (KEY_RESULT), subjectId, subjectTitle, ownerId, ownerName (the objective's owner), cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
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
WITH k, t, oc, day, lastDay, days,
     CASE WHEN days > 2 * $staleMeasurementDays THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 5, k.id, oc.id] AS key,
     {check: "STALE_MEASUREMENT", severity: severity, subjectKind: "KEY_RESULT", subjectId: k.id,
      subjectTitle: k.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: CASE
                 WHEN lastDay IS NULL THEN "never measured; " + oc.name + " started " + toString(days) + " days"
                 ELSE "last measurement " + toString(days) + " days"
               END
               + CASE WHEN day < $asOf THEN " before it ended" ELSE " ago" END
               + CASE WHEN lastDay IS NULL THEN "" ELSE ", on " + toString(lastDay) END
               + " (limit " + toString($staleMeasurementDays) + ")",
      value: days, limit: $staleMeasurementDays} AS finding
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
