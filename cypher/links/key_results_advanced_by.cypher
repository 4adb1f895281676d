// The key results each given initiative advances, ordered by id.
// :param ids => ["init-instant-id"]
// Returns: key (the initiative's id), keyResult (map)
UNWIND $ids AS id
MATCH (:Initiative {id: id})-[:ADVANCES]->(k:KeyResult)<-[:HAS_KEY_RESULT]-(o:Objective)
RETURN id AS key,
       k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
ORDER BY k.id
