// The strategic objectives that support each given priority, ordered by id.
// :param ids => ["prio-onboarding"]
// Returns: key (the priority's id), objective (map: id, title, description, tier, status, confidence, rollup, ownerId, cycleId)
UNWIND $ids AS id
MATCH (o:Objective)-[:SUPPORTS]->(:Priority {id: id})
MATCH (o)-[:OWNED_BY]->(t:Team)
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
RETURN id AS key, o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
ORDER BY o.id
