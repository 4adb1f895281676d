// OKR health, OBJECTIVE_LIMIT_EXCEEDED: teams with more objectives in one cycle than their organisation allows.
// The limit is the organisation's objectiveLimit, or $objectiveLimit (the setting AG_HEALTH_OBJECTIVE_LIMIT,
// default 3) when the organisation has none. Counts every non-archived objective a unit owns itself (any tier,
// DRAFT included: a draft is still a promise), per cycle: with a year as $cycleId, each of its quarters and the
// year itself are counted apart, so a team with 3 objectives in Q1 and 3 in Q2 is within a limit of 3.
// Severity: WARNING; CRITICAL above twice the limit.
// Lists units owned by $unitId or inside it ($unitId null: the whole organisation).
// value: the unit's objectives in the cycle; limit: the limit that applies.
// The example sets the limit to 1, so the demo shows Platform with two strategic objectives in 2026.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026"
// :param unitId => null
// :param objectiveLimit => 1
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (TEAM), subjectId, subjectTitle (its name), ownerId, ownerName (the team itself), cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE @live(o)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc
ORDER BY o.id
WITH t, oc, count(o) AS objectives, collect(o.id) AS ids
OPTIONAL MATCH (t)-[:BELONGS_TO]->(org:Organisation)
WITH t, oc, objectives, ids, coalesce(org.objectiveLimit, $objectiveLimit) AS limit
WHERE objectives > limit
WITH t, oc, objectives, ids, limit,
     CASE WHEN objectives > 2 * limit THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 4, t.id, oc.id] AS key,
     {check: "OBJECTIVE_LIMIT_EXCEEDED", severity: severity, subjectKind: "TEAM", subjectId: t.id,
      subjectTitle: t.name, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: toString(objectives) + " objectives in " + oc.name + " (limit " + toString(limit) + "): "
               + reduce(text = "", id IN ids | text + CASE WHEN text = "" THEN "" ELSE ", " END + id),
      value: objectives, limit: limit} AS finding
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
