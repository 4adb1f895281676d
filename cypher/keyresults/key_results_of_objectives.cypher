// The key results of each given objective, ordered by id.
// :param ids => ["obj-discover-q1"]
// Returns: key (the objective's id), keyResult (map)
UNWIND $ids AS id
MATCH (o:Objective {id: id})-[:HAS_KEY_RESULT]->(k:KeyResult)
RETURN id AS key, k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
ORDER BY k.id
