// Index KeyResult nodes by organisationId: every node of the plan belongs to one organisation, and the API's
// queries keep to the caller's organisation (see README, "Organisations are kept apart").
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX key_result_organisation IF NOT EXISTS FOR (n:KeyResult) ON (n.organisationId)
