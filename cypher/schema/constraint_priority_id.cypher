// Every :Priority has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT priority_id IF NOT EXISTS FOR (n:Priority) REQUIRE n.id IS UNIQUE
