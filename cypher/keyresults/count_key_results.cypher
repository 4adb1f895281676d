// How many key results there are, optionally of one objective.
// :param objectiveId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE ($objectiveId IS NULL OR o.id = $objectiveId) AND ($org IS NULL OR k.organisationId = $org)
RETURN count(k) AS total
