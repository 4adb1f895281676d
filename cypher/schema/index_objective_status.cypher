// Index objectives by status (DRAFT, ACTIVE, COMPLETED, ARCHIVED), used by list filters.
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX objective_status IF NOT EXISTS FOR (o:Objective) ON (o.status)
