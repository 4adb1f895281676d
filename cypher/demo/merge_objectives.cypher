// Create or update objectives by id, each owned by exactly one team and in exactly one cycle.
// :param rows => [{id: "obj-discover-q1", title: "Make the first week seamless and confidence-boosting for new users", description: null, tier: "TEAM", status: "ACTIVE", confidence: 7, rollup: "MEAN", ownerId: "team-discover", cycleId: "cycle-2026-q1"}]
// Returns: merged (how many rows were merged; rows whose owner or cycle is missing are skipped)
UNWIND $rows AS row
MATCH (owner:Team {id: row.ownerId})
MATCH (c:Cycle {id: row.cycleId})
MERGE (o:Objective {id: row.id})
SET o:Keyed, o.title = row.title, o.description = row.description, o.tier = row.tier, o.status = row.status,
    o.confidence = row.confidence, o.rollup = row.rollup, o.organisationId = owner.organisationId
MERGE (o)-[:OWNED_BY]->(owner)
MERGE (o)-[:IN_CYCLE]->(c)
WITH o, owner, c
CALL (o, owner) {
  MATCH (o)-[stale:OWNED_BY]->(other:Team)
  WHERE other <> owner
  DELETE stale
}
CALL (o, c) {
  MATCH (o)-[stale:IN_CYCLE]->(other:Cycle)
  WHERE other <> c
  DELETE stale
}
RETURN count(o) AS merged
