// Every :Retrospective (a mid-cycle or end-of-cycle reflection of an objective or a team) has a unique id.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT retrospective_id IF NOT EXISTS FOR (n:Retrospective) REQUIRE n.id IS UNIQUE
