// Initiatives by id (those a plan names, and those advancing an organisation's key results).
// :param ids => ["init-instant-id"]
// Returns: items (list of maps: id, title, url, status)
MATCH (i:Initiative)
WHERE i.id IN $ids
RETURN collect(i {.id, .title, .url, .status}) AS items
