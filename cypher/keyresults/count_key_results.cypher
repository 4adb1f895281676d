// How many key results there are, optionally of one objective.
// :param objectiveId => null
// Returns: total
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE $objectiveId IS NULL OR o.id = $objectiveId
RETURN count(k) AS total
