// Every :CheckIn (a weekly GRIP record of one objective) has a unique id (this also indexes lookups by id).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT check_in_id IF NOT EXISTS FOR (n:CheckIn) REQUIRE n.id IS UNIQUE
