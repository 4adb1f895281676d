// Every :Cycle has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT cycle_id IF NOT EXISTS FOR (n:Cycle) REQUIRE n.id IS UNIQUE
