// A pushed value's idempotency key is unique, so a retried push is a DUPLICATE, never a second measurement.
// Measurements pushed without a key have no such property and are not constrained.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT measurement_idempotency_key IF NOT EXISTS FOR (n:Measurement) REQUIRE n.idempotencyKey IS UNIQUE
