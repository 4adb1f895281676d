// A retrospective's idempotency key is unique, so one sent again returns the first and writes nothing.
// Retrospectives recorded without a key have no such property and are not constrained.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT retrospective_idempotency_key IF NOT EXISTS FOR (n:Retrospective) REQUIRE n.idempotencyKey IS UNIQUE
