// One page of initiatives ordered by id.
// :param after => null
// :param first => 100
// Returns: initiative (map: id, title, url, status); fetch first+1 rows to learn hasNextPage.
MATCH (i:Initiative)
WHERE $after IS NULL OR i.id > $after
RETURN i {.id, .title, .url, .status} AS initiative
ORDER BY i.id
LIMIT $first + 1
