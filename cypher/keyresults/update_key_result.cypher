// Change a key result's fields (the caller has validated the merged result).
// :param id => "kr-discover-completion"
// :param changes => {current: 75.0}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResult (map), or no row when it does not exist.
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: $id})
WHERE ($org IS NULL OR k.organisationId = $org)
SET k += $changes
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
