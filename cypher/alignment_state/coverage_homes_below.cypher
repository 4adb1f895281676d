// The coverage homes at or below a team (itself when it is a business unit, and every business unit inside
// it): their rows name the units above them, which change when the team moves.
// :param id => "bu-digital"
// Returns: id (home team ids)
MATCH (t:Team {id: $id})
MATCH (unit:Team {kind: "BUSINESS_UNIT"})-[:PART_OF*0..]->(t)
RETURN DISTINCT unit.id AS id
ORDER BY id
