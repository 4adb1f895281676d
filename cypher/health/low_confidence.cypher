// OKR health, LOW_CONFIDENCE: objectives whose owners have little confidence of reaching them: $lowConfidence
// or less on the 0..10 scale (the setting AG_HEALTH_LOW_CONFIDENCE, default 3).
// The confidence is the objective's own (its owners' latest: set by the last check-in, or by hand since). When
// $asOf lies before its last check-in, it is that of the latest check-in on or before $asOf instead (none when
// it had no check-in by then), so a report on a past day reads what the team said then.
// Severity: WARNING; CRITICAL at half the threshold or less (0 or 1 with the default 3).
// Looks at ACTIVE objectives of either tier in $cycleId or a cycle within it (a year includes its quarters),
// owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: the confidence; limit: $lowConfidence.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param lowConfidence => 3
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective {status: "ACTIVE"})-[:IN_CYCLE]->(oc)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_CHECK_IN]->(ci:CheckIn)
  WHERE date(ci.createdAt) <= $asOf
  WITH ci
  ORDER BY ci.createdAt DESC, ci.id DESC
  LIMIT 1
  RETURN ci.confidence AS checkedIn, date(ci.createdAt) AS checkInDay
}
WITH o, t, oc, checkedIn, checkInDay,
     EXISTS { MATCH (o)-[:HAS_CHECK_IN]->(later:CheckIn) WHERE date(later.createdAt) > $asOf } AS past
WITH o, t, oc, CASE WHEN past THEN checkInDay END AS checkInDay,
     CASE WHEN past THEN checkedIn ELSE o.confidence END AS confidence
WHERE confidence <= $lowConfidence
WITH o, t, oc, checkInDay, confidence,
     CASE WHEN confidence <= $lowConfidence / 2 THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 7, o.id, oc.id] AS key,
     {check: "LOW_CONFIDENCE", severity: severity, subjectKind: "OBJECTIVE", subjectId: o.id,
      subjectTitle: o.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: "confidence " + toString(confidence) + " of 10"
               + CASE WHEN checkInDay IS NULL THEN "" ELSE " at the check-in of " + toString(checkInDay) END
               + " (low at " + toString($lowConfidence) + " or less)",
      value: confidence, limit: $lowConfidence} AS finding
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
