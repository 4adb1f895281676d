// Index Team nodes by organisationId: every node of the plan belongs to one organisation, and the API's
// queries keep to the caller's organisation (see README, "Organisations are kept apart").
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX team_organisation IF NOT EXISTS FOR (n:Team) ON (n.organisationId)
