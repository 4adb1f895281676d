// One page of initiatives ordered by id.
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: initiative (map: id, title, url, status); fetch first+1 rows to learn hasNextPage.
MATCH (i:Initiative)
WHERE ($after IS NULL OR i.id > $after) AND ($org IS NULL OR i.organisationId = $org)
RETURN i {.id, .title, .url, .status, .organisationId} AS initiative
ORDER BY i.id
LIMIT $first + 1
