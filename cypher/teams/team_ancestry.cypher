// The ids of a team and all the units above it, nearest first: used to refuse moves that make a loop.
// :param id => "team-discover"
// Returns: id
MATCH path = (:Team {id: $id})-[:PART_OF*0..]->(up:Team)
RETURN up.id AS id
ORDER BY length(path)
