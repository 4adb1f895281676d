// OKR health, NO_KEY_RESULTS and TOO_MANY_KEY_RESULTS: objectives with no key results, or with more than
// $maxKeyResults (the setting AG_HEALTH_MAX_KEY_RESULTS, default 5).
// Severity: NO_KEY_RESULTS is CRITICAL for an ACTIVE objective (under way with nothing measuring it) and a
// WARNING otherwise (a DRAFT still being written, or COMPLETED); TOO_MANY_KEY_RESULTS is a WARNING.
// Looks at non-archived objectives in $cycleId or a cycle within it (a year includes its quarters), owned by
// $unitId or any unit inside it ($unitId null: the whole organisation).
// value: how many key results it has; limit: $maxKeyResults for TOO_MANY_KEY_RESULTS, null for NO_KEY_RESULTS.
// The example sets the limit to 2, so the demo shows its objectives with three key results.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param maxKeyResults => 2
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE o.status <> "ARCHIVED"
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc, COUNT { (o)-[:HAS_KEY_RESULT]->(:KeyResult) } AS keyResults
WHERE keyResults = 0 OR keyResults > $maxKeyResults
RETURN CASE WHEN keyResults = 0 THEN "NO_KEY_RESULTS" ELSE "TOO_MANY_KEY_RESULTS" END AS check,
       CASE WHEN keyResults = 0 AND o.status = "ACTIVE" THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "OBJECTIVE" AS subjectKind, o.id AS subjectId, o.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       CASE
         WHEN keyResults = 0 THEN "no key results: nothing says when it is reached"
         ELSE toString(keyResults) + " key results (limit " + toString($maxKeyResults)
              + "): focus on the few that matter most"
       END AS message,
       keyResults AS value, CASE WHEN keyResults > 0 THEN $maxKeyResults END AS limit
ORDER BY subjectId
