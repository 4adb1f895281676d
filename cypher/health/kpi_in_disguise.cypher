// OKR health, KPI_IN_DISGUISE: key results that name a metric but no movement in it.
// A METRIC or KBI key result is a KPI in disguise when it has no baseline (nothing to move from) or its target
// equals its baseline (nothing moves). Milestones are left out: they are done or not done.
// Severity: WARNING for a movement (direction INCREASE or DECREASE); INFO for a guard-rail (STAY_AT_OR_ABOVE,
// STAY_AT_OR_BELOW), which holds a level on purpose and may be a fair health metric, but is worth a look.
// Looks at the key results of non-archived objectives in $cycleId or a cycle within it (a year includes its
// quarters), owned by $unitId or any unit inside it ($unitId null: the whole organisation).
// value and limit are null: this check has no threshold.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (KEY_RESULT), subjectId, subjectTitle, ownerId, ownerName (the objective's owner), cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE @live(o)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE k.kind IN ["METRIC", "KBI"] AND (k.baseline IS NULL OR k.target = k.baseline)
WITH k, t, oc,
     k.direction IN ["STAY_AT_OR_ABOVE", "STAY_AT_OR_BELOW"] AS guardRail,
     CASE WHEN k.target = toInteger(k.target) THEN toString(toInteger(k.target)) ELSE toString(k.target) END
       + coalesce(" " + k.unit, "") AS target
WITH k, t, oc, guardRail, target,
     CASE WHEN guardRail THEN "INFO" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 1, k.id, oc.id] AS key,
     {check: "KPI_IN_DISGUISE", severity: severity, subjectKind: "KEY_RESULT", subjectId: k.id,
      subjectTitle: k.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: CASE
                 WHEN k.baseline IS NULL
                   THEN "no baseline: a " + toLower(k.kind) + " with target " + coalesce(target, "none")
                        + " but nothing to move from"
                 ELSE "target " + target + " equals the baseline: nothing moves"
               END
               + CASE WHEN guardRail THEN " (a guard-rail: fine if it only watches a level)" ELSE "" END,
      value: null, limit: null} AS finding
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
