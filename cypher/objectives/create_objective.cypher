// Create an objective owned by one team in one cycle (the caller has checked both exist, in one organisation: the owner's).
// :param id => "obj-example"
// :param title => "Example objective"
// :param description => null
// :param tier => "TEAM"
// :param status => "DRAFT"
// :param ownerId => "team-discover"
// :param cycleId => "cycle-2026-q1"
// :param confidence => 7
// :param rollup => "MEAN"
// Returns: objective (map)
MATCH (t:Team {id: $ownerId})
MATCH (c:Cycle {id: $cycleId})
WHERE c.organisationId = t.organisationId
CREATE (o:Objective:Keyed {id: $id, title: $title, description: $description, tier: $tier, status: $status,
                    confidence: $confidence, rollup: $rollup, organisationId: t.organisationId})
CREATE (o)-[:OWNED_BY]->(t)
CREATE (o)-[:IN_CYCLE]->(c)
RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
