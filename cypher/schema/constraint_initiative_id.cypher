// Every :Initiative has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (n:Initiative) REQUIRE n.id IS UNIQUE
