// Index orphaned objectives (the maintained :Orphaned label) by id, so a page of orphans is read in id order
// from the index and stops when it is full (alignment/orphaned_objectives).
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX orphaned_id IF NOT EXISTS FOR (o:Orphaned) ON (o.id)
