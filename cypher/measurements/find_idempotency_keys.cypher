// The measurements already stored under these idempotency keys (a push sent again is a DUPLICATE).
// :param keys => ["demo-push-2026-02-01"]
// Returns: idempotencyKey, measurementId, keyResultId
UNWIND $keys AS key
MATCH (k:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement {idempotencyKey: key})
RETURN key AS idempotencyKey, m.id AS measurementId, k.id AS keyResultId
