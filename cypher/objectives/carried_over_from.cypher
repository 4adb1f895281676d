// The objective each given objective was carried over from (a copy made into a later cycle points back to
// its original with CARRIED_OVER_FROM). Objectives that were not carried over are left out.
// :param ids => ["obj-discover-q1"]
// Returns: key (the copy's id), objective (map: id, title, description, tier, status, confidence, rollup, ownerId, cycleId)
UNWIND $ids AS id
MATCH (:Objective {id: id})-[:CARRIED_OVER_FROM]->(o:Objective)-[:OWNED_BY]->(t:Team)
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
RETURN id AS key, o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
