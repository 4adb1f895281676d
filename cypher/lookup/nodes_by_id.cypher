// Which of these ids name a node, and what kind of node each is (`aligngraph cypher run` checks the ids an
// analyst passes before running a query, as the API does: an unknown cycleId is NOT_FOUND, not 0 rows).
// :param ids => ["cycle-2026-q1", "bu-digital", "no-such-id"]
// Returns: id, labels (one row per node found; ids naming nothing have no row)
UNWIND $ids AS wanted
MATCH (n {id: wanted})
WHERE NOT n:ApiToken
RETURN n.id AS id, labels(n) AS labels
