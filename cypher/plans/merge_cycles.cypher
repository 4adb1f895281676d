// Create or update cycles by id, as a plan gives them: dates as ISO text, each within its parent (null for a year).
// A cycle moved under another parent since the last run is put back, so it keeps at most one parent.
// :param rows => [{id: "cycle-2026", name: "2026", kind: "YEAR", startDate: "2026-01-01", endDate: "2026-12-31", parentId: null, organisationId: "org-bank"}, {id: "cycle-2026-q1", name: "Q1 2026", kind: "QUARTER", startDate: "2026-01-01", endDate: "2026-03-31", parentId: "cycle-2026", organisationId: "org-bank"}]
// Returns: merged (how many rows were merged)
UNWIND $rows AS row
MERGE (c:Cycle {id: row.id})
SET c:Keyed, c.name = row.name, c.kind = row.kind, c.startDate = date(row.startDate), c.endDate = date(row.endDate),
    c.organisationId = row.organisationId
WITH row, c
CALL (c, row) {
  MATCH (c)-[stale:WITHIN]->(other:Cycle)
  WHERE row.parentId IS NULL OR other.id <> row.parentId
  DELETE stale
}
CALL (c, row) {
  MATCH (parent:Cycle {id: row.parentId})
  MERGE (c)-[:WITHIN]->(parent)
}
RETURN count(c) AS merged
