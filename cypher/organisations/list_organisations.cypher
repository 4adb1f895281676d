// One page of organisations ordered by id.
// :param after => null
// :param first => 100
// Returns: organisation (map: id, name, vision, objectiveLimit); fetch first+1 rows to learn hasNextPage.
MATCH (o:Organisation)
WHERE $after IS NULL OR o.id > $after
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
ORDER BY o.id
LIMIT $first + 1
