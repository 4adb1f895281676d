// Initiatives by id. Ids that match nothing are left out.
// :param ids => ["init-instant-id"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: initiative (map: id, title, url, status)
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
WHERE ($org IS NULL OR i.organisationId = $org)
RETURN i {.id, .title, .url, .status, .organisationId} AS initiative
