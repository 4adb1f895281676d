// Every :KeyResult has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT key_result_id IF NOT EXISTS FOR (n:KeyResult) REQUIRE n.id IS UNIQUE
