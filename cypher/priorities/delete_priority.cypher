// Delete a priority with its edges (objectives' SUPPORTS edges to it go too).
// :param id => "prio-example"
// Returns: id, or no row when the priority does not exist.
MATCH (p:Priority {id: $id})
DETACH DELETE p
RETURN $id AS id
