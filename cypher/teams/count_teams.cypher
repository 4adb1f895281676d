// How many teams there are, optionally only the direct children of one unit.
// :param parentId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (t:Team)
WHERE ($parentId IS NULL OR EXISTS { (t)-[:PART_OF]->(:Team {id: $parentId}) })
  AND ($org IS NULL OR EXISTS { (t)-[:BELONGS_TO]->(:Organisation {id: $org}) })
RETURN count(t) AS total
