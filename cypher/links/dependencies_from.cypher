// What each given objective or key result depends on, ordered by the target's id.
// :param ids => ["obj-discover-q1"]
// Returns: key (the dependent's id), dependency (map: fromId, fromKind, toId, toKind, note)
UNWIND $ids AS id
CALL (id) {
  MATCH (source:Objective {id: id})-[r:DEPENDS_ON]->(target)
  RETURN source, r, target
  UNION
  MATCH (source:KeyResult {id: id})-[r:DEPENDS_ON]->(target)
  RETURN source, r, target
}
RETURN id AS key,
       {fromId: source.id, fromKind: CASE WHEN source:Objective THEN "Objective" ELSE "KeyResult" END,
        toId: target.id, toKind: CASE WHEN target:Objective THEN "Objective" ELSE "KeyResult" END,
        note: r.note} AS dependency
ORDER BY target.id
