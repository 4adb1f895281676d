// How many teams there are, optionally only the direct children of one unit.
// :param parentId => null
// Returns: total
MATCH (t:Team)
WHERE $parentId IS NULL OR EXISTS { (t)-[:PART_OF]->(:Team {id: $parentId}) }
RETURN count(t) AS total
