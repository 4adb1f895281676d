// Cross-team dependencies of one unit: every DEPENDS_ON between two teams' objectives or key results where either
// end is owned by $teamId or a unit inside it, with both owners, both ends' progress (0..1) and confidence (0..10),
// and whether it is at risk. alignment/cross_team_dependencies answers the same for the whole organisation
// ($teamId null), reading the sources in id order; this file filters every dependency of the cycle by unit first.
// A dependency is at risk when the depended-on end ("to") is:
//   BEHIND          its progress + $tolerance is below the progress expected on $asOf, which is the share of
//                   its cycle elapsed (0 before the cycle starts, 1 after it ends)
//   LOW_CONFIDENCE  its objective's confidence is $lowConfidence or less
//   ARCHIVED        its objective was archived, so nobody is working on it any more
// An end's progress is the KR's progress, or for an objective the weight-averaged progress of its KRs, and its
// confidence its objective's, on $valuesOn: a past day reads the measurements observed and the latest check-in
// made by then (@value_on, @progress_on, @confidence_on); null reads today's stored values.
// Lists dependencies where either end's objective is in $cycleId (or a cycle within it) and, when $teamId
// is given, either end is owned by that unit or a unit inside it. $atRiskOnly true keeps only those at risk.
// Ordered by from id, then to id; paging: up to $first rows (null: all) after ($afterFrom, $afterTo).
// :param cycleId => "cycle-2026-q1"
// :param teamId => "bu-digital"
// :param atRiskOnly => false
// :param asOf => date("2026-02-15")
// :param valuesOn => date("2026-02-15")
// :param tolerance => 0.1
// :param lowConfidence => 4
// :param afterFrom => null
// :param afterTo => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: fromId, fromKind, fromTitle, fromOwnerId, fromOwner (its name), fromProgress, fromConfidence, toId, toKind, toTitle, toOwnerId, toOwner, toProgress, toConfidence, expectedProgress, note, riskReasons (list), atRisk
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (src)-[d:DEPENDS_ON]->(dst)
WHERE $afterFrom IS NULL OR src.id > $afterFrom OR (src.id = $afterFrom AND dst.id > $afterTo)
MATCH (so:Objective)-[:HAS_KEY_RESULT*0..1]->(src), (so)-[:OWNED_BY]->(st:Team), (so)-[:IN_CYCLE]->(sc:Cycle)
MATCH (do:Objective)-[:HAS_KEY_RESULT*0..1]->(dst), (do)-[:OWNED_BY]->(dt:Team), (do)-[:IN_CYCLE]->(dc:Cycle)
WHERE (EXISTS { (sc)-[:WITHIN*0..]->(c) } OR EXISTS { (dc)-[:WITHIN*0..]->(c) })
  AND ($teamId IS NULL
       OR EXISTS { (st)-[:PART_OF*0..]->(:Team {id: $teamId}) }
       OR EXISTS { (dt)-[:PART_OF*0..]->(:Team {id: $teamId}) })
WITH src, d, dst, so, st, do, dt, dc
ORDER BY src.id, dst.id
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
WHERE NOT $atRiskOnly OR size(riskReasons) > 0
RETURN src.id AS fromId, CASE WHEN src:KeyResult THEN "KeyResult" ELSE "Objective" END AS fromKind,
       src.title AS fromTitle, st.id AS fromOwnerId, st.name AS fromOwner, fromProgress, fromConfidence,
       dst.id AS toId, CASE WHEN dst:KeyResult THEN "KeyResult" ELSE "Objective" END AS toKind,
       dst.title AS toTitle, dt.id AS toOwnerId, dt.name AS toOwner, toProgress, toConfidence,
       expectedProgress, d.note AS note, riskReasons, size(riskReasons) > 0 AS atRisk
ORDER BY fromId, toId
LIMIT coalesce($first, 1000000) + 1
