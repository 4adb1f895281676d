// The change feed's counter node (one, name 'key-results') is unique, so writers that create it at the same
// time still make one. See cypher/events/record_change.cypher.
// Idempotent: safe to run at every start-up.
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT change_feed_name IF NOT EXISTS FOR (n:ChangeFeed) REQUIRE n.name IS UNIQUE
