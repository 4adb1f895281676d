// The contributions made to each given objective or key result (its children), ordered by the child's id.
// :param ids => ["obj-digital-first-week"]
// Returns: key (the parent's id), contribution (map: childId, parentId, parentKind, weight, countsTowardProgress)
UNWIND $ids AS id
CALL (id) {
  MATCH (child:Objective)-[r:CONTRIBUTES_TO]->(parent:Objective {id: id})
  RETURN child, r, "Objective" AS parentKind
  UNION
  MATCH (child:Objective)-[r:CONTRIBUTES_TO]->(parent:KeyResult {id: id})
  RETURN child, r, "KeyResult" AS parentKind
}
RETURN id AS key,
       {childId: child.id, parentId: id, parentKind: parentKind,
        weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true)} AS contribution
ORDER BY child.id
