// Delete a priority with its edges (objectives' SUPPORTS edges to it go too).
// :param id => "prio-example"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, or no row when the priority does not exist.
MATCH (p:Priority {id: $id})
WHERE ($org IS NULL OR p.organisationId = $org)
DETACH DELETE p
RETURN $id AS id
