// Record that an initiative advances a key result; re-running changes nothing.
// :param initiativeId => "init-instant-id"
// :param keyResultId => "kr-identity-instant-verification"
// Returns: initiativeId
MATCH (i:Initiative {id: $initiativeId})
MATCH (k:KeyResult {id: $keyResultId})
MERGE (i)-[:ADVANCES]->(k)
RETURN i.id AS initiativeId
