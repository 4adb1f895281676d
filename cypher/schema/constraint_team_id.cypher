// Every :Team has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE
