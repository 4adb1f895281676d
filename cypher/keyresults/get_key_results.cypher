// Key results by id, with their objective. Ids that match nothing are left out.
// :param ids => ["kr-discover-completion"]
// Returns: keyResult (map: id, title, kind, direction, unit, baseline, target, current, done, weight, objectiveId)
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
