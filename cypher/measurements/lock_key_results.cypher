// Take the write lock on key results, in the order given (callers sort ids), so that concurrent pushes to the
// same key result run one after the other; then, under the lock, read what a push needs: the fields progress
// is computed from, and the measurements already stored under the given idempotency keys (a value sent again
// is a DUPLICATE). Writing a dummy property takes the lock; it is held until the transaction ends, and the
// property is gone again. One row holding lists: the driver pays per record.
// :param ids => ["kr-discover-completion", "kr-discover-dropoff"]
// :param keys => ["demo-push-2026-02-01"]
// Returns: keyResults (list of [id, kind, direction, baseline, target, done], one per key result locked), stored (list of [idempotencyKey, measurementId, keyResultId])
CALL () {
  UNWIND $ids AS id
  MATCH (k:KeyResult {id: id})
  SET k._LOCK_ = true
  REMOVE k._LOCK_
  RETURN collect(k) AS locked
}
CALL (locked) {
  // Read after every lock is held, so no concurrent edit can slip in between.
  UNWIND locked AS k
  RETURN collect([k.id, k.kind, k.direction, k.baseline, k.target, k.done]) AS keyResults
}
CALL () {
  UNWIND $keys AS key
  MATCH (k:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement {idempotencyKey: key})
  RETURN collect([key, m.id, k.id]) AS stored
}
RETURN keyResults, stored
