// Delete an initiative with its edges (its ADVANCES edges to key results go too).
// :param id => "init-example"
// Returns: id, or no row when the initiative does not exist.
MATCH (i:Initiative {id: $id})
DETACH DELETE i
RETURN $id AS id
