// OKR health, FALLING_CONFIDENCE: objectives whose confidence fell by $confidenceDrop or more (the setting
// AG_HEALTH_CONFIDENCE_DROP, default 3) between their last two check-ins on or before $asOf.
// Severity: WARNING; CRITICAL when it fell to $lowConfidence or less (the setting AG_HEALTH_LOW_CONFIDENCE,
// default 3), so the team went from fairly sure to unlikely in a week.
// Looks at ACTIVE objectives of either tier in $cycleId or a cycle within it (a year includes its quarters),
// owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: the drop (previous minus latest confidence); limit: $confidenceDrop.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-03-31")
// :param confidenceDrop => 3
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
  MATCH (o)-[:HAS_CHECK_IN]->(ci:CheckIn)
  WHERE date(ci.createdAt) <= $asOf
  WITH ci
  ORDER BY ci.createdAt DESC, ci.id DESC
  LIMIT 2
  RETURN collect({confidence: ci.confidence, day: date(ci.createdAt)}) AS lastTwo
}
WITH o, t, oc, lastTwo[0] AS latest, lastTwo[1] AS previous
WHERE previous IS NOT NULL AND previous.confidence - latest.confidence >= $confidenceDrop
WITH o, t, oc, latest, previous,
     CASE WHEN latest.confidence <= $lowConfidence THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 8, o.id, oc.id] AS key,
     {check: "FALLING_CONFIDENCE", severity: severity, subjectKind: "OBJECTIVE", subjectId: o.id,
      subjectTitle: o.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: "confidence fell from " + toString(previous.confidence) + " to " + toString(latest.confidence)
               + " between the check-ins of " + toString(previous.day) + " and " + toString(latest.day)
               + " (alert at a drop of " + toString($confidenceDrop) + ")",
      value: previous.confidence - latest.confidence, limit: $confidenceDrop} AS finding
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
