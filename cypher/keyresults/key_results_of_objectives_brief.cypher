// The key results of each given objective, ordered by id, with only the properties a list of them usually
// shows: what the look-ahead reads when a query selects no other key result field (the full row has 13).
// :param ids => ["obj-discover-q1"]
// Returns: key (the objective's id), keyResult (map: id, title, unit, current, target, objectiveId)
UNWIND $ids AS id
MATCH (o:Objective {id: id})-[:HAS_KEY_RESULT]->(k:KeyResult)
RETURN id AS key, k {.id, .title, .unit, .current, .target, objectiveId: o.id} AS keyResult
ORDER BY k.id
