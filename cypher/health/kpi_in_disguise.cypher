// OKR health, KPI_IN_DISGUISE: key results that name a metric but no movement in it.
// A METRIC or KBI key result is a KPI in disguise when it has no baseline (nothing to move from) or its target
// equals its baseline (nothing moves). Milestones are left out: they are done or not done.
// Severity: WARNING for a movement (direction INCREASE or DECREASE); INFO for a guard-rail (STAY_AT_OR_ABOVE,
// STAY_AT_OR_BELOW), which holds a level on purpose and may be a fair health metric, but is worth a look.
// Looks at the key results of non-archived objectives in $cycleId or a cycle within it (a year includes its
// quarters), owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value and limit are null: this check has no threshold.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// Returns: check, severity, subjectKind (KEY_RESULT), subjectId, subjectTitle, ownerId, ownerName (the objective's owner), cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE o.status <> "ARCHIVED"
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE k.kind IN ["METRIC", "KBI"] AND (k.baseline IS NULL OR k.target = k.baseline)
WITH k, t, oc,
     k.direction IN ["STAY_AT_OR_ABOVE", "STAY_AT_OR_BELOW"] AS guardRail,
     CASE WHEN k.target = toInteger(k.target) THEN toString(toInteger(k.target)) ELSE toString(k.target) END
       + coalesce(" " + k.unit, "") AS target
RETURN "KPI_IN_DISGUISE" AS check,
       CASE WHEN guardRail THEN "INFO" ELSE "WARNING" END AS severity,
       "KEY_RESULT" AS subjectKind, k.id AS subjectId, k.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       CASE
         WHEN k.baseline IS NULL
           THEN "no baseline: a " + toLower(k.kind) + " with target " + coalesce(target, "none")
                + " but nothing to move from"
         ELSE "target " + target + " equals the baseline: nothing moves"
       END
       + CASE WHEN guardRail THEN " (a guard-rail: fine if it only watches a level)" ELSE "" END AS message,
       null AS value, null AS limit
ORDER BY subjectId
