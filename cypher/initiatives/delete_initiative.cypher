// Delete an initiative with its edges (its ADVANCES edges to key results go too).
// :param id => "init-example"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, or no row when the initiative does not exist.
MATCH (i:Initiative {id: $id})
WHERE ($org IS NULL OR i.organisationId = $org)
DETACH DELETE i
RETURN $id AS id
