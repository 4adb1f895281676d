// Changes older than a few minutes are deleted by the writers (cypher/events/record_change.cypher): a range
// index on when they were written finds them without a scan.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)
