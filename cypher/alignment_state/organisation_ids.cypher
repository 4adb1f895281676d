// The organisations whose alignment state `aligngraph alignment rebuild` recomputes: one, or all of them.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id (organisations in id order; none when $organisationId names no organisation)
MATCH (o:Organisation)
WHERE ($organisationId IS NULL OR o.id = $organisationId) AND ($org IS NULL OR o.id = $org)
RETURN o.id AS id
ORDER BY id
