// What carrying an objective over into a later cycle needs: the objective (locked, so a retry waits and then
// finds the first copy; its key results locked too, in id order, so a concurrent push cannot change the
// values the copy's baselines are read from), its cycle, the target cycle, the copy already carried into the
// target cycle (if any) and the objective's key results.
// :param objectiveId => "obj-discover-q1"
// :param toCycleId => "cycle-2026-q2"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: objective (map), fromCycle (map: id, kind, startDate, endDate, organisationId), toCycle (map: id, kind, startDate, endDate, status, organisationId; null when there is no such cycle), copyId (or null), keyResults (list of maps); no row when the objective does not exist
MATCH (o:Objective {id: $objectiveId})-[:IN_CYCLE]->(from:Cycle)
WHERE ($org IS NULL OR o.organisationId = $org)
MATCH (o)-[:OWNED_BY]->(t:Team)
SET o._LOCK_ = true
REMOVE o._LOCK_
WITH o, from, t
CALL (o) {
  MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WITH k ORDER BY k.id
  SET k._LOCK_ = true
  REMOVE k._LOCK_
}
WITH o, from, t
OPTIONAL MATCH (to:Cycle {id: $toCycleId})
WHERE ($org IS NULL OR to.organisationId = $org)
RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: from.id} AS objective,
       from {.id, .kind, .startDate, .endDate, .organisationId} AS fromCycle,
       CASE WHEN to IS NULL THEN null ELSE to {.id, .kind, .startDate, .endDate, status: coalesce(to.status, "OPEN"), .organisationId} END AS toCycle,
       [(copy:Objective)-[:CARRIED_OVER_FROM]->(o) WHERE EXISTS { (copy)-[:IN_CYCLE]->(:Cycle {id: $toCycleId}) } | copy.id][0] AS copyId,
       [(o)-[:HAS_KEY_RESULT]->(k:KeyResult) | k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id}] AS keyResults
