// One page of organisations ordered by id.
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: organisation (map: id, name, vision, objectiveLimit); fetch first+1 rows to learn hasNextPage.
MATCH (o:Organisation)
WHERE ($after IS NULL OR o.id > $after) AND ($org IS NULL OR o.id = $org)
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
ORDER BY o.id
LIMIT $first + 1
