// The check-ins of the given objectives made on or before $asOf (the whole day, UTC), oldest first per
// objective: the confidence over time, and the issues and plan of each GRIP check-in.
// The last row of an objective is its latest check-in by $asOf.
// :param objectiveIds => ["obj-discover-q1", "obj-identity-q1"]
// :param asOf => date("2026-02-15")
// Returns: objectiveId, id, createdAt, confidence, issues (list), plan, author
UNWIND $objectiveIds AS objectiveId
MATCH (:Objective {id: objectiveId})-[:HAS_CHECK_IN]->(c:CheckIn)
WHERE c.createdAt < datetime({date: $asOf}) + duration({days: 1})
RETURN objectiveId, c.id AS id, c.createdAt AS createdAt, c.confidence AS confidence,
       coalesce(c.issues, []) AS issues, c.plan AS plan, c.author AS author
ORDER BY objectiveId, createdAt, id
