// How many cycles there are, optionally only those directly within one cycle.
// :param parentId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (c:Cycle)
WHERE ($parentId IS NULL OR EXISTS { (c)-[:WITHIN]->(:Cycle {id: $parentId}) })
  AND ($org IS NULL OR c.organisationId = $org)
RETURN count(c) AS total
