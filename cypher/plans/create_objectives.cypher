// Create objectives that are new to the graph, as a plan gives them, each owned by one team and in one cycle.
// The import's diff sends here only ids the organisation does not hold (another organisation's are refused
// before), so unlike plans/merge_objectives there is nothing to match and no old edge to remove.
// :param rows => [{id: "obj-discover-q2-example", title: "Keep new users coming back after their first week", description: null, tier: "TEAM", status: "ACTIVE", confidence: 7, rollup: "MEAN", ownerId: "team-discover", cycleId: "cycle-2026-q1"}]
// Returns: created (how many objectives were created; rows whose owner or cycle is missing are skipped)
UNWIND $rows AS row
MATCH (owner:Team {id: row.ownerId})
MATCH (c:Cycle {id: row.cycleId})
CREATE (o:Objective:Keyed {id: row.id})
SET o.title = row.title, o.description = row.description, o.tier = row.tier, o.status = row.status,
    o.confidence = row.confidence, o.rollup = row.rollup, o.organisationId = owner.organisationId
CREATE (o)-[:OWNED_BY]->(owner)
CREATE (o)-[:IN_CYCLE]->(c)
RETURN count(o) AS created
