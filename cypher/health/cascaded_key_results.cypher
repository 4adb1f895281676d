// OKR health, CASCADED_KEY_RESULTS: team objectives whose key results copy their parent's word for word, a
// top-down cascade rather than the team's own goal (teams should choose outcomes they can influence).
// A team objective's parents are what it CONTRIBUTES_TO: an objective, or the objective of a key result it
// contributes to. A key result is a copy when its title equals the title of one of a parent's key results,
// ignoring case and whitespace (extra, leading, trailing spaces, tabs and line breaks).
// Severity: CRITICAL when every key result of the objective is a copy; WARNING when some are.
// Looks at non-archived TEAM objectives in $cycleId or a cycle within it (a year includes its quarters), owned
// by $unitId or any unit inside it ($unitId null: the whole organisation).
// value: how many of its key results are copies; limit: null (no copy is fine).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// Returns: check, severity, subjectKind (OBJECTIVE), subjectId, subjectTitle, ownerId, ownerName, cycleId, message, value, limit
MATCH (c:Cycle {id: $cycleId})
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Objective {tier: "TEAM"})-[:IN_CYCLE]->(oc)
WHERE o.status <> "ARCHIVED"
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
RETURN "CASCADED_KEY_RESULTS" AS check,
       CASE WHEN size(copies) = keyResults THEN "CRITICAL" ELSE "WARNING" END AS severity,
       "OBJECTIVE" AS subjectKind, o.id AS subjectId, o.title AS subjectTitle,
       t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId,
       toString(size(copies)) + " of " + toString(keyResults) + " key results copy those of "
         + reduce(text = "", id IN parentIds | text + CASE WHEN text = "" THEN "" ELSE ", " END + id)
         + " word for word: "
         + reduce(text = "", title IN copies | text + CASE WHEN text = "" THEN "" ELSE "; " END + '"' + title + '"')
         AS message,
       size(copies) AS value, null AS limit
ORDER BY subjectId
