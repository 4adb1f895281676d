// Delete a key result and every edge that touches it.
// :param id => "kr-discover-tickets"
// Returns: id; no row when it does not exist.
MATCH (k:KeyResult {id: $id})
DETACH DELETE k
RETURN $id AS id
