// Key results by id, with their objective. Ids that match nothing are left out.
// :param ids => ["kr-discover-completion"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResult (map: id, title, kind, direction, unit, baseline, target, current, done, weight, objectiveId, organisationId)
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
WHERE ($org IS NULL OR k.organisationId = $org)
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id, .organisationId} AS keyResult
