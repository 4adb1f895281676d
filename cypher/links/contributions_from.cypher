// The contributions each given objective makes upward (its parents), ordered by the parent's id.
// :param ids => ["obj-discover-q1"]
// Returns: key (the child's id), contribution (map: childId, parentId, parentKind, weight, countsTowardProgress)
UNWIND $ids AS id
MATCH (:Objective {id: id})-[r:CONTRIBUTES_TO]->(parent)
RETURN id AS key,
       {childId: id, parentId: parent.id,
        parentKind: CASE WHEN parent:Objective THEN "Objective" ELSE "KeyResult" END,
        weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true)} AS contribution
ORDER BY parent.id
