// Record that initiatives advance key results; re-running changes nothing.
// :param rows => [{initiativeId: "init-instant-id", keyResultId: "kr-identity-instant-verification"}]
// Returns: merged (how many rows were merged; rows whose initiative or key result is missing are skipped)
UNWIND $rows AS row
MATCH (i:Initiative {id: row.initiativeId})
MATCH (k:KeyResult {id: row.keyResultId})
MERGE (i)-[r:ADVANCES]->(k)
RETURN count(r) AS merged
