// Index teams by kind (COMPANY, BUSINESS_UNIT, TEAM), used to find business units.
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX team_kind IF NOT EXISTS FOR (t:Team) ON (t.kind)
