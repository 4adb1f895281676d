// How many cycles there are, optionally only those directly within one cycle.
// :param parentId => null
// Returns: total
MATCH (c:Cycle)
WHERE $parentId IS NULL OR EXISTS { (c)-[:WITHIN]->(:Cycle {id: $parentId}) }
RETURN count(c) AS total
