// Change an objective's title, description, status, confidence or rollup method.
// :param id => "obj-discover-q1"
// :param changes => {status: "ACTIVE"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: objective (map), or no row when it does not exist.
MATCH (o:Objective {id: $id})-[:OWNED_BY]->(t:Team)
WHERE ($org IS NULL OR o.organisationId = $org)
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
SET o += $changes
RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
