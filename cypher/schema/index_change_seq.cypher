// Live-update readers ask for the changes after the last one they read (`seq > $after`): a range index on
// the sequence number answers that without a scan. See cypher/events/read_changes.cypher.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE INDEX change_seq IF NOT EXISTS FOR (n:Change) ON (n.seq)
