// The contributions each given objective makes upward (its parents), ordered by the parent's id.
// One row for all of them: the driver's cost is per row, and a DataLoader or look-ahead asks for hundreds.
// :param ids => ["obj-discover-q1"]
// Returns: groups (list of maps: key (the child's id), items (maps: childId, parentId, parentKind, weight, countsTowardProgress))
UNWIND $ids AS id
MATCH (child:Objective {id: id})
WITH id, COLLECT {
  MATCH (child)-[r:CONTRIBUTES_TO]->(parent)
  RETURN {childId: id, parentId: parent.id,
          parentKind: CASE WHEN parent:Objective THEN "Objective" ELSE "KeyResult" END,
          weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true)}
  ORDER BY parent.id
} AS items
RETURN collect({key: id, items: items}) AS groups
