// Which of these key results sit in a CLOSED cycle (their values are refused with CYCLE_CLOSED). Pushes
// call it after locking the key results. When no cycle is closed at all, it answers at once.
// :param ids => ["kr-discover-completion", "kr-identity-instant-verification"]
// Returns: closed (list of [keyResultId, cycleId], one per key result in a closed cycle)
OPTIONAL MATCH (closedCycle:Cycle {status: "CLOSED"})
WITH collect(closedCycle) AS closedCycles
CALL (closedCycles) {
  UNWIND CASE WHEN closedCycles = [] THEN [] ELSE $ids END AS id
  MATCH (:KeyResult {id: id})<-[:HAS_KEY_RESULT]-(:Objective)-[:IN_CYCLE]->(c:Cycle)
  WHERE c IN closedCycles
  RETURN collect([id, c.id]) AS closed
}
RETURN closed
