// Carry an unfinished objective over into a later cycle: a copy, owned by the same team, in the new cycle,
// linked (copy)-[:CARRIED_OVER_FROM]->(original). The caller gives the copies of the unfinished key results
// (baseline = the original's last current); each copy takes over its original's externalKey, so
// integrations push into the new cycle. CONTRIBUTES_TO and SUPPORTS edges are copied where the parent (or
// the priority) is in a cycle that contains the new one, still open, and the parent is not archived.
// :param objectiveId => "obj-discover-q1"
// :param toCycleId => "cycle-2026-q2"
// :param objective => {id: "obj-discover-q2-example", title: "Make the first week seamless and confidence-boosting for new users", description: null, tier: "TEAM", status: "ACTIVE", rollup: "MEAN"}
// :param keyResults => [{id: "kr-discover-tutorial-q2-example", fromId: "kr-discover-tutorial", title: "Tutorial engagement from 22% to 50%", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 22.0, target: 50.0, current: 22.0, done: false, weight: 1.0, progress: 0.0}]
// Returns: objective (map: id, title, description, tier, status, confidence, rollup, ownerId, cycleId), keyResults, contributions, supports (how many of each were copied)
MATCH (o:Objective {id: $objectiveId})-[:OWNED_BY]->(t:Team)
MATCH (to:Cycle {id: $toCycleId})
WHERE to.organisationId = o.organisationId
CREATE (copy:Objective:Keyed)-[:CARRIED_OVER_FROM]->(o)
SET copy = $objective, copy.organisationId = o.organisationId
CREATE (copy)-[:OWNED_BY]->(t), (copy)-[:IN_CYCLE]->(to)
WITH o, t, to, copy
CALL (o, copy) {
  UNWIND $keyResults AS kr
  MATCH (o)-[:HAS_KEY_RESULT]->(old:KeyResult {id: kr.fromId})
  WITH copy, kr, old, old.externalKey AS externalKey
  REMOVE old.externalKey
  CREATE (copy)-[:HAS_KEY_RESULT]->(k:KeyResult:Keyed)
  SET k = kr, k.externalKey = externalKey, k.organisationId = copy.organisationId
  REMOVE k.fromId
  RETURN count(k) AS keyResults
}
CALL (o, copy, to) {
  MATCH (o)-[c:CONTRIBUTES_TO]->(parent)
  OPTIONAL MATCH (owner:Objective)-[:HAS_KEY_RESULT]->(parent)
  WITH copy, to, c, parent, coalesce(owner, parent) AS parentObjective
  MATCH (parentObjective)-[:IN_CYCLE]->(pc:Cycle)
  WHERE pc.startDate <= to.startDate AND to.endDate <= pc.endDate AND coalesce(pc.status, "OPEN") = "OPEN"
    AND parentObjective.status <> "ARCHIVED"
  CREATE (copy)-[:CONTRIBUTES_TO {weight: c.weight, countsTowardProgress: c.countsTowardProgress}]->(parent)
  RETURN count(*) AS contributions
}
CALL (o, copy, to) {
  MATCH (o)-[:SUPPORTS]->(p:Priority)-[:IN_CYCLE]->(pc:Cycle)
  WHERE pc.startDate <= to.startDate AND to.endDate <= pc.endDate
  CREATE (copy)-[:SUPPORTS]->(p)
  RETURN count(*) AS supports
}
RETURN copy {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(copy.rollup, "MEAN"), ownerId: t.id, cycleId: to.id} AS objective,
       keyResults, contributions, supports
