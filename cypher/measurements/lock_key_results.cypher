// Take the write lock on key results, in the order given (callers sort ids), so that concurrent pushes
// to the same key result run one after the other. Writing a dummy property takes the lock; it is held until
// the transaction ends and the property is gone again.
// :param ids => ["kr-discover-completion", "kr-discover-dropoff"]
// Returns: locked (how many key results were locked)
UNWIND $ids AS id
MATCH (k:KeyResult {id: id})
SET k._LOCK_ = true
REMOVE k._LOCK_
RETURN count(k) AS locked
