// Initiatives by id (those a plan names, and those advancing an organisation's key results).
// :param ids => ["init-instant-id"]
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, title, url, status)
MATCH (i:Initiative)
WHERE i.id IN $ids AND i.organisationId = $organisationId
RETURN collect(i {.id, .title, .url, .status}) AS items
