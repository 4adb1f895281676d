// OKR health, OBJECTIVE_LIMIT_EXCEEDED: teams with more objectives in one cycle than their organisation allows.
// The limit is the organisation's objectiveLimit, or $objectiveLimit (the setting AG_HEALTH_OBJECTIVE_LIMIT,
// default 3) when the organisation has none. Counts every non-archived objective a unit owns itself (any tier,
// DRAFT included: a draft is still a promise), per cycle: with a year as $cycleId, each of its quarters and the
// year itself are counted apart, so a team with 3 objectives in Q1 and 3 in Q2 is within a limit of 3.
// Severity: WARNING; CRITICAL above twice the limit.
// Lists units owned by $unitId or inside it ($unitId null: the whole organisation).
// value: the unit's objectives in the cycle; limit: the limit that applies.
// The example sets the limit to 1, so the demo shows Platform with two strategic objectives in 2026.
// :param cycleId => "cycle-2026"
// :param unitId => null
// :param objectiveLimit => 1
// Returns: check, severity, subjectKind (TEAM), subjectId, subjectTitle (its name), ownerId, ownerName (the team itself), cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE o.status <> "ARCHIVED"
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc
ORDER BY o.id
WITH t, oc, count(o) AS objectives, collect(o.id) AS ids
OPTIONAL MATCH (t)-[:BELONGS_TO]->(org:Organisation)
WITH t, oc, objectives, ids, coalesce(org.objectiveLimit, $objectiveLimit) AS limit
WHERE objectives > limit
RETURN "OBJECTIVE_LIMIT_EXCEEDED" AS check,
       CASE WHEN objectives > 2 * limit THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "TEAM" AS subjectKind, t.id AS subjectId, t.name AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       toString(objectives) + " objectives in " + oc.name + " (limit " + toString(limit) + "): "
         + reduce(text = "", id IN ids | text + CASE WHEN text = "" THEN "" ELSE ", " END + id) AS message,
       objectives AS value, limit
ORDER BY subjectId, cycleId
