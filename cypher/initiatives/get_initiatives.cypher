// Initiatives by id. Ids that match nothing are left out.
// :param ids => ["init-instant-id"]
// Returns: initiative (map: id, title, url, status)
UNWIND $ids AS id
MATCH (i:Initiative {id: id})
RETURN i {.id, .title, .url, .status} AS initiative
