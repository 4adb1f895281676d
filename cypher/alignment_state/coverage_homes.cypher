// The coverage homes of the given teams: the unit whose maintained coverage row counts each team's objectives.
// A team's home is the nearest business unit at or above it, or the top of its tree when no business unit is
// above it (the company). Every team has exactly one home, so summing the rows of all homes counts each team once.
// :param ids => ["team-discover", "bu-digital"]
// Returns: id (home team ids, each once)
UNWIND $ids AS id
MATCH (t:Team {id: id})
MATCH chain = (t)-[:PART_OF*0..]->(top:Team)
WHERE NOT EXISTS { (top)-[:PART_OF]->(:Team) }
WITH [u IN nodes(chain) WHERE u.kind = "BUSINESS_UNIT"][0] AS unit, top
RETURN DISTINCT coalesce(unit, top).id AS id
ORDER BY id
