// Remove the ADVANCES edge from an initiative to a key result, if there is one.
// :param initiativeId => "init-instant-id"
// :param keyResultId => "kr-identity-instant-verification"
// Returns: removed (0 or 1)
MATCH (:Initiative {id: $initiativeId})-[r:ADVANCES]->(:KeyResult {id: $keyResultId})
DELETE r
RETURN count(r) AS removed
