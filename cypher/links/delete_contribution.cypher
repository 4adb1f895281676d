// Remove the CONTRIBUTES_TO edge between an objective and an objective or key result, if there is one.
// :param childId => "obj-discover-q1"
// :param parentId => "obj-digital-first-week"
// Returns: removed (how many edges were removed: 0 or 1)
MATCH (child:Objective {id: $childId})-[r:CONTRIBUTES_TO]->(parent)
WHERE parent.id = $parentId
DELETE r
RETURN count(r) AS removed
