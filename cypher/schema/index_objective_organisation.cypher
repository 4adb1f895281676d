// Index Objective nodes by organisationId: every node of the plan belongs to one organisation, and the API's
// queries keep to the caller's organisation (see README, "Organisations are kept apart").
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX objective_organisation IF NOT EXISTS FOR (n:Objective) ON (n.organisationId)
