// The initiatives that advance each given key result, ordered by id.
// :param ids => ["kr-identity-instant-verification"]
// Returns: key (the key result's id), initiative (map: id, title, url, status)
UNWIND $ids AS id
MATCH (i:Initiative)-[:ADVANCES]->(:KeyResult {id: id})
RETURN id AS key, i {.id, .title, .url, .status, .organisationId} AS initiative
ORDER BY i.id
