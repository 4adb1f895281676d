// The measurements already stored under these idempotency keys (a value sent again is a DUPLICATE). A read of
// its own, after the push has locked its key results: in a query that writes, each index lookup would take a
// lock. One row holding a list: the driver pays per record.
// :param keys => ["demo-push-2026-02-01", "no-such-key"]
// Returns: stored (list of [idempotencyKey, measurementId, keyResultId], one per key found)
UNWIND $keys AS key
MATCH (k:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement {idempotencyKey: key})
RETURN collect([key, m.id, k.id]) AS stored
