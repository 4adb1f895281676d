// The objective a check-in is for: its status and the ids of its key results (a check-in may give a new
// value for any of them, and only for them).
// :param objectiveId => "obj-identity-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: objectiveId, status, keyResultIds; no row when the objective does not exist
MATCH (o:Objective {id: $objectiveId})
WHERE ($org IS NULL OR o.organisationId = $org)
RETURN o.id AS objectiveId, o.status AS status, [(o)-[:HAS_KEY_RESULT]->(k:KeyResult) | k.id] AS keyResultIds
