// Each objective's confidence over its cycle: one point per check-in, oldest first. This is the series
// behind objective.confidenceTrend (and the report's confidence chart).
// :param ids => ["obj-identity-q1", "obj-discover-q1"]
// Returns: key (the objective's id), checkInId, at (datetime of the check-in), confidence (0..10)
UNWIND $ids AS id
MATCH (:Objective {id: id})-[:HAS_CHECK_IN]->(c:CheckIn)
RETURN id AS key, c.id AS checkInId, c.createdAt AS at, c.confidence AS confidence
ORDER BY key, at, checkInId
