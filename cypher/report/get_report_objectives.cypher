// The objectives of a leadership report (a strategic objective and everything that counts toward it), each
// with its owner team, cycle, own progress and confidence as it stood on $asOf.
// progress is the objective's own progress: the weighted mean (by KR weight) of its key results' progress on
// $valuesOn (a past day: from the measurements observed by then, @value_on and @progress_on; null: stored).
// confidence is the one given in the latest check-in made on or before $asOf (the whole day, UTC). With no
// check-in by then it is the stored confidence today, and on a past day ($valuesOn set) too for an objective
// never checked in (set when planned), but null for one checked in later (the stored one is a later one's),
// as @confidence_on judges it.
// lastCheckInAt is the time of that latest check-in (null when there is none by $asOf). expectedProgress is
// the share of the objective's cycle elapsed on $asOf (0 before it starts, 1 after it ends), as in
// alignment/cross_team_dependencies.
// :param objectiveIds => ["obj-digital-first-week", "obj-discover-q1", "obj-identity-q1"]
// :param asOf => date("2026-02-15")
// :param valuesOn => date("2026-02-15")
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, title, tier, status, ownerId, ownerName, cycleId, cycleName, progress, confidence,
//   storedConfidence, lastCheckInAt, expectedProgress, cycleStart, cycleEnd
UNWIND $objectiveIds AS objectiveId
MATCH (o:Objective {id: objectiveId})
WHERE ($org IS NULL OR o.organisationId = $org)
OPTIONAL MATCH (o)-[:OWNED_BY]->(owner:Team)
OPTIONAL MATCH (o)-[:IN_CYCLE]->(cycle:Cycle)
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WITH k, @value_on(k, $valuesOn) AS value
  WITH k, @progress_on(k, $valuesOn, value) AS progress
  WHERE progress IS NOT NULL
  // Summed in key result id order, as alignment/rollup: the same numbers always give the same last digit.
  WITH k, progress ORDER BY k.id
  WITH sum(coalesce(k.weight, 1.0)) AS weights, sum(progress * coalesce(k.weight, 1.0)) AS weighted
  RETURN CASE WHEN weights > 0 THEN weighted / weights END AS progress
}
CALL (o) {
  OPTIONAL MATCH (o)-[:HAS_CHECK_IN]->(c:CheckIn)
  WHERE c.createdAt < datetime({date: $asOf}) + duration({days: 1})
  WITH c ORDER BY c.createdAt DESC, c.id DESC LIMIT 1
  RETURN c.confidence AS checkedConfidence, c.createdAt AS lastCheckInAt
}
RETURN o.id AS id, o.title AS title, o.tier AS tier, o.status AS status, owner.id AS ownerId,
       owner.name AS ownerName, cycle.id AS cycleId, cycle.name AS cycleName, cycle.startDate AS cycleStart,
       cycle.endDate AS cycleEnd, progress,
       CASE WHEN $valuesOn IS NULL OR NOT EXISTS { (o)-[:HAS_CHECK_IN]->(:CheckIn) }
            THEN coalesce(checkedConfidence, o.confidence) ELSE checkedConfidence END AS confidence, o.confidence AS storedConfidence, lastCheckInAt,
       CASE
         WHEN cycle IS NULL THEN null
         WHEN $asOf < cycle.startDate THEN 0.0
         WHEN $asOf > cycle.endDate THEN 1.0
         ELSE toFloat(duration.inDays(cycle.startDate, $asOf).days)
              / (duration.inDays(cycle.startDate, cycle.endDate).days + 1)
       END AS expectedProgress
ORDER BY id
