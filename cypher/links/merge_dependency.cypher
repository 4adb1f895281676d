// Record that one objective or key result depends on another team's objective or key result;
// re-running only updates the note.
// The source gets the :DependencySource label (alignment/cross_team_dependencies reads sources by it, in id order).
// :param fromId => "obj-discover-q1"
// :param toId => "kr-identity-instant-verification"
// :param note => "Needs instant ID verification before onboarding drop-off can fall"
// Returns: dependency (map: fromId, fromKind, toId, toKind, note)
OPTIONAL MATCH (fo:Objective {id: $fromId})
OPTIONAL MATCH (fk:KeyResult {id: $fromId})
OPTIONAL MATCH (tobj:Objective {id: $toId})
OPTIONAL MATCH (tk:KeyResult {id: $toId})
WITH coalesce(fo, fk) AS source, coalesce(tobj, tk) AS target
MERGE (source)-[r:DEPENDS_ON]->(target)
SET source:DependencySource
SET r.note = $note
RETURN {fromId: source.id, fromKind: CASE WHEN source:Objective THEN "Objective" ELSE "KeyResult" END,
        toId: target.id, toKind: CASE WHEN target:Objective THEN "Objective" ELSE "KeyResult" END,
        note: r.note} AS dependency
