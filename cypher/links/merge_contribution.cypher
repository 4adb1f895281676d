// Link (or re-link) an objective as contributing to an objective or key result; re-running only updates the edge.
// :param childId => "obj-discover-q1"
// :param parentId => "obj-digital-first-week"
// :param weight => 1.0
// :param countsTowardProgress => true
// Returns: contribution (map: childId, parentId, parentKind, weight, countsTowardProgress)
MATCH (child:Objective {id: $childId})
OPTIONAL MATCH (po:Objective {id: $parentId})
OPTIONAL MATCH (pk:KeyResult {id: $parentId})
WITH child, coalesce(po, pk) AS parent
MERGE (child)-[r:CONTRIBUTES_TO]->(parent)
SET r.weight = $weight, r.countsTowardProgress = $countsTowardProgress
RETURN {childId: child.id, parentId: parent.id,
        parentKind: CASE WHEN parent:Objective THEN "Objective" ELSE "KeyResult" END,
        weight: r.weight, countsTowardProgress: r.countsTowardProgress} AS contribution
