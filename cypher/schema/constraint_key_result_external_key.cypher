// The key an integration uses for a key result (e.g. "amplitude:onboarding_completion") names one KR at most.
// Key results without an externalKey are not constrained.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT key_result_external_key IF NOT EXISTS FOR (n:KeyResult) REQUIRE n.externalKey IS UNIQUE
