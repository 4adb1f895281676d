// OKR health, LOW_CONFIDENCE: objectives whose owners have little confidence of reaching them: $lowConfidence
// or less on the 0..10 scale (the setting AG_HEALTH_LOW_CONFIDENCE, default 3).
// The confidence is the objective's own (its owners' latest: set by the last check-in, or by hand since). When
// $asOf lies before its last check-in, it is that of the latest check-in on or before $asOf instead (none when
// it had no check-in by then), so a report on a past day reads what the team said then.
// Severity: WARNING; CRITICAL at half the threshold or less (0 or 1 with the default 3).
// Looks at ACTIVE objectives of either tier in $cycleId or a cycle within it (a year includes its quarters),
// owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: the confidence; limit: $lowConfidence.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param asOf => date("2026-02-15")
// :param lowConfidence => 3
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
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
RETURN "LOW_CONFIDENCE" AS check,
       CASE WHEN confidence <= $lowConfidence / 2 THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "OBJECTIVE" AS subjectKind, o.id AS subjectId, o.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       "confidence " + toString(confidence) + " of 10"
         + CASE WHEN checkInDay IS NULL THEN "" ELSE " at the check-in of " + toString(checkInDay) END
         + " (low at " + toString($lowConfidence) + " or less)" AS message,
       confidence AS value, $lowConfidence AS limit
ORDER BY subjectId
