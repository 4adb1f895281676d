// Objectives by id, with their owner team and cycle. Ids that match nothing are left out.
// :param ids => ["obj-discover-q1", "obj-digital-first-week"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: objective (map: id, title, description, tier, status, confidence, rollup, ownerId, cycleId)
UNWIND $ids AS id
MATCH (o:Objective {id: id})-[:OWNED_BY]->(t:Team)
WHERE ($org IS NULL OR o.organisationId = $org)
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
