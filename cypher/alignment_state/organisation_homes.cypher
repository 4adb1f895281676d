// Every coverage home of an organisation (each business unit, and each top unit): the rows a rebuild or a new
// cycle recomputes.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id (home team ids)
MATCH (t:Team {organisationId: $organisationId})
WHERE ($org IS NULL OR t.organisationId = $org)
  AND (t.kind = "BUSINESS_UNIT" OR NOT EXISTS { (t)-[:PART_OF]->(:Team) })
RETURN t.id AS id
ORDER BY id
