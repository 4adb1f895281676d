// The objectives each given team owns (not its sub-teams'), ordered by id.
// :param ids => ["team-discover", "bu-digital"]
// Returns: key (the team's id), objective (map)
UNWIND $ids AS id
MATCH (o:Objective)-[:OWNED_BY]->(t:Team {id: id})
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
RETURN id AS key, o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
ORDER BY o.id
