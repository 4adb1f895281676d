// API tokens are stored only as the SHA-256 hash of their secret; the hash is unique and is how a request's
// bearer token is looked up (the constraint's index makes that lookup fast).
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE
