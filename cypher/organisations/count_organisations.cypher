// How many organisations there are.
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (o:Organisation)
WHERE $org IS NULL OR o.id = $org
RETURN count(o) AS total
