// Every :Organisation has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE
