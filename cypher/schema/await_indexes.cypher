// Wait until every index is online (up to 300 s): run after the constraint and index files.
// Returns: nothing
CALL db.awaitIndexes(300)
