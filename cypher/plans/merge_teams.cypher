// Create or update units by id, each in its organisation and under its parent unit (null for the company).
// Rows may come in any order: Cypher finishes each clause for every row before the next clause reads. A unit
// the plan moves loses its old parent, so it keeps exactly one parent and one organisation.
// :param rows => [{id: "team-bank", name: "Example Bank", kind: "COMPANY", organisationId: "org-bank", parentId: null}]
// Returns: merged (how many units were written)
UNWIND $rows AS row
MATCH (org:Organisation {id: row.organisationId})
MERGE (t:Team {id: row.id})
SET t:Keyed, t.name = row.name, t.kind = row.kind, t.organisationId = org.id
MERGE (t)-[:BELONGS_TO]->(org)
WITH row, t, org
CALL (t, org) {
  MATCH (t)-[stale:BELONGS_TO]->(other:Organisation)
  WHERE other <> org
  DELETE stale
}
CALL (t, row) {
  MATCH (t)-[stale:PART_OF]->(other:Team)
  WHERE row.parentId IS NULL OR other.id <> row.parentId
  DELETE stale
}
CALL (t, row) {
  MATCH (parent:Team {id: row.parentId})
  MERGE (t)-[:PART_OF]->(parent)
}
RETURN count(t) AS merged
