// One page of each objective's check-ins, newest first: confidence, issues, plan forward, author and the
// key-result values each recorded. The page after a cursor starts below (afterCreatedAt, afterId).
// :param ids => ["obj-identity-q1", "obj-discover-q1"]
// :param afterCreatedAt => null
// :param afterId => null
// :param first => 10
// Returns: key (the objective's id), checkIn (map: id, objectiveId, confidence, issues, plan, author, createdAt, idempotencyKey, values: list of {keyResultId, value, observedAt, measurementId}); at most first+1 rows per objective (one more than asked tells hasNextPage)
UNWIND $ids AS id
MATCH (o:Objective {id: id})-[:HAS_CHECK_IN]->(c:CheckIn)
WHERE $afterCreatedAt IS NULL OR c.createdAt < $afterCreatedAt
   OR (c.createdAt = $afterCreatedAt AND c.id < $afterId)
WITH o, c
ORDER BY c.createdAt DESC, c.id DESC
WITH o, collect(c)[..$first + 1] AS page
UNWIND page AS c
RETURN o.id AS key,
       c {.id, .confidence, .issues, .plan, .author, .createdAt, .idempotencyKey, objectiveId: o.id,
          values: [(c)-[:RECORDED]->(m:Measurement)<-[:HAS_MEASUREMENT]-(k:KeyResult) |
                   {keyResultId: k.id, value: m.value, observedAt: m.observedAt, measurementId: m.id}]} AS checkIn
