// A check-in's idempotency key is unique, so a check-in sent again returns the first one and writes nothing.
// Check-ins recorded without a key have no such property and are not constrained.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT check_in_idempotency_key IF NOT EXISTS FOR (n:CheckIn) REQUIRE n.idempotencyKey IS UNIQUE
