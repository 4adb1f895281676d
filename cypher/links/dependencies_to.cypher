// What depends on each given objective or key result, ordered by the dependent's id.
// :param ids => ["kr-identity-instant-verification"]
// Returns: key (the depended-on id), dependency (map: fromId, fromKind, toId, toKind, note)
UNWIND $ids AS id
CALL (id) {
  MATCH (source)-[r:DEPENDS_ON]->(target:Objective {id: id})
  RETURN source, r, target
  UNION
  MATCH (source)-[r:DEPENDS_ON]->(target:KeyResult {id: id})
  RETURN source, r, target
}
RETURN id AS key,
       {fromId: source.id, fromKind: CASE WHEN source:Objective THEN "Objective" ELSE "KeyResult" END,
        toId: target.id, toKind: CASE WHEN target:Objective THEN "Objective" ELSE "KeyResult" END,
        note: r.note} AS dependency
ORDER BY source.id
