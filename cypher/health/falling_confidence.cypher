// OKR health, FALLING_CONFIDENCE: objectives whose confidence fell by $confidenceDrop or more (the setting
// AG_HEALTH_CONFIDENCE_DROP, default 3) between their last two check-ins on or before $asOf.
// Severity: WARNING; CRITICAL when it fell to $lowConfidence or less (the setting AG_HEALTH_LOW_CONFIDENCE,
// default 3), so the team went from fairly sure to unlikely in a week.
// Looks at ACTIVE objectives of either tier in $cycleId or a cycle within it (a year includes its quarters),
// owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: the drop (previous minus latest confidence); limit: $confidenceDrop.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-03-31")
// :param confidenceDrop => 3
// :param lowConfidence => 3
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
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
RETURN "FALLING_CONFIDENCE" AS check,
       CASE WHEN latest.confidence <= $lowConfidence THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "OBJECTIVE" AS subjectKind, o.id AS subjectId, o.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       "confidence fell from " + toString(previous.confidence) + " to " + toString(latest.confidence)
         + " between the check-ins of " + toString(previous.day) + " and " + toString(latest.day)
         + " (alert at a drop of " + toString($confidenceDrop) + ")" AS message,
       previous.confidence - latest.confidence AS value, $confidenceDrop AS limit
ORDER BY subjectId
