// OKR health, CASCADED_KEY_RESULTS: team objectives whose key results copy their parent's word for word, a
// top-down cascade rather than the team's own goal (teams should choose outcomes they can influence).
// A team objective's parents are what it CONTRIBUTES_TO: an objective, or the objective of a key result it
// contributes to. A key result is a copy when its title equals the title of one of a parent's key results,
// ignoring case and whitespace (extra, leading, trailing spaces, tabs and line breaks).
// Severity: CRITICAL when every key result of the objective is a copy; WARNING when some are.
// Looks at non-archived TEAM objectives in $cycleId or a cycle within it (a year includes its quarters), owned
// by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: how many of its key results are copies; limit: null (no copy is fine).
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
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit, critical, warnings, infos (counts)
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective {tier: "TEAM"})-[:IN_CYCLE]->(oc)
WHERE @live(o)
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
// The parents, and the words of each of their key results' titles.
MATCH (o)-[:CONTRIBUTES_TO]->(:Objective|KeyResult)<-[:HAS_KEY_RESULT*0..1]-(parent:Objective)
WITH DISTINCT o, t, oc, parent
MATCH (parent)-[:HAS_KEY_RESULT]->(pk:KeyResult)
WITH o, t, oc, parent,
     collect([word IN split(toLower(pk.title), [" ", "\t", "\n", "\r"]) WHERE word <> ""]) AS parentTitles
// Each of the objective's own key results, and the parents it copies.
MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WITH o, t, oc, k, parent,
     [word IN split(toLower(k.title), [" ", "\t", "\n", "\r"]) WHERE word <> ""] IN parentTitles AS copied
WITH o, t, oc, k, [id IN collect(CASE WHEN copied THEN parent.id END) WHERE id IS NOT NULL] AS copiedFrom
ORDER BY k.id
WITH o, t, oc, count(k) AS keyResults,
     [title IN collect(CASE WHEN size(copiedFrom) > 0 THEN k.title END) WHERE title IS NOT NULL] AS copies,
     reduce(ids = [], sources IN collect(copiedFrom) | ids + [id IN sources WHERE NOT id IN ids]) AS parentIds
WHERE size(copies) > 0
WITH o, t, oc, keyResults, copies, parentIds,
     CASE WHEN size(copies) = keyResults THEN "CRITICAL" ELSE "WARNING" END AS severity
WITH [{CRITICAL: 0, WARNING: 1, INFO: 2}[severity], 2, o.id, oc.id] AS key,
     {check: "CASCADED_KEY_RESULTS", severity: severity, subjectKind: "OBJECTIVE", subjectId: o.id,
      subjectTitle: o.title, ownerId: t.id, ownerName: t.name, cycleId: oc.id,
      message: toString(size(copies)) + " of " + toString(keyResults) + " key results copy those of "
               + reduce(text = "", id IN parentIds | text + CASE WHEN text = "" THEN "" ELSE ", " END + id)
               + " word for word: "
               + reduce(text = "", title IN copies | text + CASE WHEN text = "" THEN "" ELSE "; " END + '"' + title + '"'),
      value: size(copies), limit: null} AS finding
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
