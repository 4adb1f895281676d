// The change feed: a write that changes key results' values (a push, a check-in's values, an edit) records
// which ones, in its own transaction, so every API process (several workers, several replicas) can tell
// its live subscribers (`keyResultUpdated`) once the write has committed, even if the process that wrote it
// died right after the commit. Changes are numbered 1, 2, 3, ... in commit order: the counter node is locked
// (`_lock`) before its number is read, so concurrent writers queue on it and no number repeats or is skipped.
// Changes older than $keepMinutes are deleted here, a few at a time.
// :param keyResultIds => ["kr-discover-completion"]
// :param cause => "PUSH"
// :param keepMinutes => 10
// Returns: seq (the number of this change)
MERGE (feed:ChangeFeed {name: 'key-results'})
  ON CREATE SET feed.seq = 0
SET feed._lock = true
WITH feed
SET feed.seq = feed.seq + 1
REMOVE feed._lock
CREATE (change:Change {seq: feed.seq, at: datetime.transaction(), cause: $cause, keyResultIds: $keyResultIds})
WITH change
CALL (change) {
  MATCH (old:Change)
  WHERE old.at < datetime.transaction() - duration({minutes: $keepMinutes})
  WITH old LIMIT 100
  DELETE old
}
RETURN change.seq AS seq
