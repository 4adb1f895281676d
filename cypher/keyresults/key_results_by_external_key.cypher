// Key results by the externalKey an integration pushes values under, with their objective; keys that name no
// key result (of the organisation asking) are left out. Backed by the key_result_external_key constraint.
// :param keys => ["amplitude:onboarding_completion"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: externalKey (the key asked for), keyResult (map: id, title, kind, direction, unit, baseline, target, current, progress, done, weight, externalKey, lastObservedAt, objectiveId)
UNWIND $keys AS externalKey
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {externalKey: externalKey})
WHERE ($org IS NULL OR k.organisationId = $org)
RETURN externalKey, k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
