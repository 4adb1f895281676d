// Every objective owned by one organisation's units, with its owner and cycle.
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, title, description, tier, status, ownerId, cycleId, confidence, rollup)
MATCH (:Organisation {id: $organisationId})<-[:BELONGS_TO]-(t:Team)<-[:OWNED_BY]-(o:Objective)-[:IN_CYCLE]->(c:Cycle)
RETURN collect(o {.id, .title, .description, .tier, .status, ownerId: t.id, cycleId: c.id, .confidence,
                  rollup: coalesce(o.rollup, "MEAN")}) AS items
