// Close a cycle: take the write lock on it, on its objectives and on their key results (so every write to
// them runs wholly before or wholly after), then set status CLOSED and closedAt. From then on the cycle's
// objectives are frozen (graph/planning/frozen.py). Closing a closed cycle keeps its first closedAt. The caller
// refuses (and so rolls back) a year whose quarters are still open.
// :param id => "cycle-2026-q1"
// :param closedAt => datetime("2026-04-01T09:00:00Z")
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId), openSubCycles (ids), objectives (how many are frozen); no row when the cycle does not exist
MATCH (c:Cycle {id: $id})
WHERE ($org IS NULL OR c.organisationId = $org)
SET c._LOCK_ = true
REMOVE c._LOCK_
WITH c
CALL (c) {
  OPTIONAL MATCH (o:Objective)-[:IN_CYCLE]->(c)
  WITH o
  ORDER BY o.id
  SET o._LOCK_ = true
  REMOVE o._LOCK_
  RETURN collect(o) AS objectives
}
CALL (objectives) {
  UNWIND objectives AS o
  MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WITH k
  ORDER BY k.id
  SET k._LOCK_ = true
  REMOVE k._LOCK_
}
SET c.status = "CLOSED", c.closedAt = coalesce(c.closedAt, $closedAt)
WITH c, objectives
OPTIONAL MATCH (c)-[:WITHIN]->(parent:Cycle)
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id} AS cycle,
       [(s:Cycle)-[:WITHIN]->(c) WHERE coalesce(s.status, "OPEN") <> "CLOSED" | s.id] AS openSubCycles,
       size(objectives) AS objectives
