// Record that an objective or key result depends on another team's objective or key result;
// re-running only updates the note.
// The source gets the :DependencySource label (alignment/cross_team_dependencies reads sources by it, in id order).
// :param rows => [{fromId: "obj-discover-q1", toId: "kr-identity-instant-verification", note: "Drop-off cannot fall until sign-ups are verified instantly"}]
// Returns: merged (how many rows were merged; rows whose source or target is missing are skipped)
UNWIND $rows AS row
OPTIONAL MATCH (fo:Objective {id: row.fromId})
OPTIONAL MATCH (fk:KeyResult {id: row.fromId})
OPTIONAL MATCH (tobj:Objective {id: row.toId})
OPTIONAL MATCH (tk:KeyResult {id: row.toId})
WITH row, coalesce(fo, fk) AS source, coalesce(tobj, tk) AS target
WHERE source IS NOT NULL AND target IS NOT NULL
MERGE (source)-[r:DEPENDS_ON]->(target)
SET source:DependencySource
SET r.note = row.note
RETURN count(r) AS merged
