// OKR health, NO_KEY_RESULTS and TOO_MANY_KEY_RESULTS: objectives with no key results, or with more than
// $maxKeyResults (the setting AG_HEALTH_MAX_KEY_RESULTS, default 5).
// Severity: NO_KEY_RESULTS is CRITICAL for an ACTIVE objective (under way with nothing measuring it) and a
// WARNING otherwise (a DRAFT still being written, or COMPLETED); TOO_MANY_KEY_RESULTS is a WARNING.
// Looks at non-archived objectives in $cycleId or a cycle within it (a year includes its quarters), owned by
// $unitId or any unit inside it ($unitId null: the whole organisation).
// value: how many key results it has; limit: $maxKeyResults for TOO_MANY_KEY_RESULTS, null for NO_KEY_RESULTS.
// The example sets the limit to 2, so the demo shows its objectives with three key results.
// $checks: which of the two checks to run, e.g. ["NO_KEY_RESULTS"] (null: both), so the counts match.
// Paging, the same in every health file: findings below $minSeverity (null: none skipped) are left out; the
// rest are counted per severity (critical, warnings, infos: on every row, over all pages) and listed in the
// report's order (most severe first, then by check, subject id and cycle): up to $first + 1 (null: all) after
// $after (null: from the start; else the key [severity rank, check position, subjectId, cycleId] of the last
// finding seen, CRITICAL 0, WARNING 1, INFO 2, and checks numbered from 0 in the order of docs/HEALTH.md).
// A page with nothing left after $after still brings the counts, in one row without a finding (subjectId null).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param maxKeyResults => 2
// :param checks => null
// :param minSeverity => null
// :param after => null
// :param first => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective)-[:IN_CYCLE]->(oc)
WHERE @live(o)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, t, oc, COUNT { (o)-[:HAS_KEY_RESULT]->(:KeyResult) } AS keyResults
WHERE keyResults = 0 OR keyResults > $maxKeyResults
WITH o, t, oc, keyResults,
     CASE WHEN keyResults = 0 THEN "NO_KEY_RESULTS" ELSE "TOO_MANY_KEY_RESULTS" END AS check
WHERE $checks IS NULL OR check IN $checks
WITH o, t, oc, keyResults, check,
     CASE WHEN keyResults = 0 AND o.status = "ACTIVE" THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], CASE check WHEN "NO_KEY_RESULTS" THEN 0 ELSE 3 END,
      o.id, oc.id] AS key,
     {check: check, severity: severity, subjectKind: "OBJECTIVE", subjectId: o.id, subjectTitle: o.title,
      ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: CASE
                 WHEN keyResults = 0 THEN "no key results: nothing says when it is reached"
                 ELSE toString(keyResults) + " key results (limit " + toString($maxKeyResults)
                      + "): focus on the few that matter most"
               END,
      value: keyResults, limit: CASE WHEN keyResults > 0 THEN $maxKeyResults END} AS finding
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
