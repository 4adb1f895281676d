// The team that owns an objective: its coverage rows (alignment_state/write_unit_coverage) change when the
// objective is deleted.
// :param id => "obj-discover-q1"
// Returns: id (the owner team's id)
MATCH (:Objective {id: $id})-[:OWNED_BY]->(t:Team)
RETURN t.id AS id
