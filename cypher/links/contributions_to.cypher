// The contributions made to each given objective or key result (its children), ordered by the child's id.
// One row for all of them: the driver's cost is per row, and a DataLoader or look-ahead asks for hundreds.
// :param ids => ["obj-digital-first-week"]
// Returns: groups (list of maps: key (the parent's id), items (maps: childId, parentId, parentKind, weight, countsTowardProgress))
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (parent:Objective {id: id})
  RETURN parent, "Objective" AS parentKind
  UNION
  OPTIONAL MATCH (parent:KeyResult {id: id})
  RETURN parent, "KeyResult" AS parentKind
}
WITH id, parent, parentKind WHERE parent IS NOT NULL
WITH id, parentKind, COLLECT {
  MATCH (child:Objective)-[r:CONTRIBUTES_TO]->(parent)
  RETURN {childId: child.id, parentId: id, parentKind: parentKind,
          weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true)}
  ORDER BY child.id
} AS items
RETURN collect({key: id, items: items}) AS groups
