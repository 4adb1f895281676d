// How many initiatives there are.
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (i:Initiative)
WHERE ($org IS NULL OR i.organisationId = $org)
RETURN count(i) AS total
