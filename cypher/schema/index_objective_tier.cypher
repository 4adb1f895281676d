// Index objectives by tier (STRATEGIC or TEAM), used by list filters and alignment queries.
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX objective_tier IF NOT EXISTS FOR (o:Objective) ON (o.tier)
