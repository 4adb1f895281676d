// Look up objectives or key results by id, with what the alignment rules need to know about each:
// its kind, the objective it is (or belongs to), tier, owner team and cycle dates.
// :param ids => ["obj-discover-q1", "kr-identity-instant-verification"]
// Returns: id, kind ("Objective" or "KeyResult"), objectiveId, tier, ownerId, cycleId, startDate, endDate
UNWIND $ids AS id
OPTIONAL MATCH (o:Objective {id: id})
OPTIONAL MATCH (ko:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
WITH id, coalesce(o, ko) AS obj, CASE WHEN o IS NOT NULL THEN "Objective" ELSE "KeyResult" END AS kind
WHERE obj IS NOT NULL
MATCH (obj)-[:OWNED_BY]->(t:Team)
MATCH (obj)-[:IN_CYCLE]->(c:Cycle)
RETURN id, kind, obj.id AS objectiveId, obj.tier AS tier, t.id AS ownerId, c.id AS cycleId,
       c.startDate AS startDate, c.endDate AS endDate
