// Index Initiative nodes by organisationId: every node of the plan belongs to one organisation, and the API's
// queries keep to the caller's organisation (see README, "Organisations are kept apart").
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX initiative_organisation IF NOT EXISTS FOR (n:Initiative) ON (n.organisationId)
