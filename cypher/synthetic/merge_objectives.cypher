// Create or update objectives by id in bulk, with owner team, cycle, confidence (0..10 or null) and roll-up.
// For large synthetic loads: unlike demo/merge_objectives it removes no stale owner or cycle edges, since the
// loader replaces the whole synthetic organisation when its seed or size change.
// :param rows => [{id: "syn-obj-00001", title: "Grow card payments", description: null, tier: "TEAM", status: "ACTIVE", confidence: 7, rollup: "MEAN", ownerId: "team-discover", cycleId: "cycle-2026-q1"}]
// Returns: merged (how many rows were merged; rows whose owner or cycle is missing are skipped)
UNWIND $rows AS row
MATCH (owner:Team {id: row.ownerId})
MATCH (c:Cycle {id: row.cycleId})
MERGE (o:Objective {id: row.id})
SET o:Keyed, o.title = row.title, o.description = row.description, o.tier = row.tier, o.status = row.status,
    o.confidence = row.confidence, o.rollup = row.rollup, o.organisationId = owner.organisationId
MERGE (o)-[:OWNED_BY]->(owner)
MERGE (o)-[:IN_CYCLE]->(c)
RETURN count(o) AS merged
