// The at-risk dependencies that touch the given objectives: every DEPENDS_ON from or to one of them or one
// of their key results (between two of them too), whose depended-on end ("to") is at risk on $asOf.
// The risk rules are those of alignment/cross_team_dependencies (a test keeps the two in step):
//   BEHIND          the "to" end's progress + $tolerance is below the progress expected on $asOf, the share
//                   of its cycle elapsed (0 before the cycle starts, 1 after it ends)
//   LOW_CONFIDENCE  the "to" end's objective's confidence is $lowConfidence or less
//   ARCHIVED        the "to" end's objective was archived
// An end's progress is the KR's progress, or for an objective the weight-averaged progress of its KRs, and its
// confidence its objective's, on $valuesOn: a past day reads the measurements observed and the latest check-in
// made by then (@value_on, @progress_on, @confidence_on); null reads today's stored values.
// Ordered by from id, then to id.
// :param objectiveIds => ["obj-digital-first-week", "obj-discover-q1", "obj-identity-q1", "obj-care-q1", "obj-sme-onboarding-q1"]
// :param asOf => date("2026-02-15")
// :param valuesOn => date("2026-02-15")
// :param tolerance => 0.1
// :param lowConfidence => 4
// Returns: fromId, fromKind, fromTitle, fromOwnerId, fromOwner (its name), fromProgress, fromConfidence, toId, toKind, toTitle, toOwnerId, toOwner, toProgress, toConfidence, expectedProgress, note, riskReasons (list), atRisk
UNWIND $objectiveIds AS objectiveId
MATCH (touched:Objective {id: objectiveId})-[:HAS_KEY_RESULT*0..1]->(touchedEnd)
MATCH (touchedEnd)-[:DEPENDS_ON]-()
WITH DISTINCT touchedEnd
CALL (touchedEnd) {
  MATCH (touchedEnd)-[d:DEPENDS_ON]->(other)
  RETURN touchedEnd AS src, d, other AS dst
  UNION
  MATCH (touchedEnd)<-[d:DEPENDS_ON]-(other)
  RETURN other AS src, d, touchedEnd AS dst
}
WITH DISTINCT src, d, dst
MATCH (so:Objective)-[:HAS_KEY_RESULT*0..1]->(src), (so)-[:OWNED_BY]->(st:Team)
MATCH (do:Objective)-[:HAS_KEY_RESULT*0..1]->(dst), (do)-[:OWNED_BY]->(dt:Team), (do)-[:IN_CYCLE]->(dc:Cycle)
CALL (src, so) {
  OPTIONAL MATCH (so)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WHERE k = src OR src:Objective
  WITH k, @value_on(k, $valuesOn) AS value
  WITH k, @progress_on(k, $valuesOn, value) AS progress
  WHERE progress IS NOT NULL
  RETURN CASE WHEN sum(coalesce(k.weight, 1.0)) > 0
              THEN sum(progress * coalesce(k.weight, 1.0)) / sum(coalesce(k.weight, 1.0)) END AS fromProgress
}
CALL (dst, do) {
  OPTIONAL MATCH (do)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WHERE k = dst OR dst:Objective
  WITH k, @value_on(k, $valuesOn) AS value
  WITH k, @progress_on(k, $valuesOn, value) AS progress
  WHERE progress IS NOT NULL
  RETURN CASE WHEN sum(coalesce(k.weight, 1.0)) > 0
              THEN sum(progress * coalesce(k.weight, 1.0)) / sum(coalesce(k.weight, 1.0)) END AS toProgress
}
WITH src, d, dst, so, st, do, dt, fromProgress, toProgress,
     @confidence_on(so, $valuesOn) AS fromConfidence, @confidence_on(do, $valuesOn) AS toConfidence,
     CASE
       WHEN $asOf < dc.startDate THEN 0.0
       WHEN $asOf > dc.endDate THEN 1.0
       ELSE toFloat(duration.inDays(dc.startDate, $asOf).days)
            / (duration.inDays(dc.startDate, dc.endDate).days + 1)
     END AS expectedProgress
WITH src, d, dst, so, st, do, dt, fromProgress, toProgress, fromConfidence, toConfidence, expectedProgress,
     [reason IN [
        CASE WHEN toProgress + $tolerance < expectedProgress THEN "BEHIND" END,
        CASE WHEN toConfidence <= $lowConfidence THEN "LOW_CONFIDENCE" END,
        CASE WHEN NOT @live(do) THEN "ARCHIVED" END
      ] WHERE reason IS NOT NULL] AS riskReasons
WHERE size(riskReasons) > 0
RETURN src.id AS fromId, CASE WHEN src:KeyResult THEN "KeyResult" ELSE "Objective" END AS fromKind,
       src.title AS fromTitle, st.id AS fromOwnerId, st.name AS fromOwner, fromProgress, fromConfidence,
       dst.id AS toId, CASE WHEN dst:KeyResult THEN "KeyResult" ELSE "Objective" END AS toKind,
       dst.title AS toTitle, dt.id AS toOwnerId, dt.name AS toOwner, toProgress, toConfidence,
       expectedProgress, d.note AS note, riskReasons, true AS atRisk
ORDER BY fromId, toId
