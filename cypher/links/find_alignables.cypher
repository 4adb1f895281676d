// Look up objectives or key results by id, with what the alignment rules need to know about each:
// its kind, the objective it is (or belongs to), tier, owner team, cycle dates and organisation.
// :param ids => ["obj-discover-q1", "kr-identity-instant-verification"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, kind ("Objective" or "KeyResult"), objectiveId, tier, ownerId, cycleId, startDate, endDate, organisationId
UNWIND $ids AS id
OPTIONAL MATCH (o:Objective {id: id})
OPTIONAL MATCH (ko:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
WITH id, coalesce(o, ko) AS obj, CASE WHEN o IS NOT NULL THEN "Objective" ELSE "KeyResult" END AS kind
WHERE obj IS NOT NULL AND ($org IS NULL OR obj.organisationId = $org)
MATCH (obj)-[:OWNED_BY]->(t:Team)
MATCH (obj)-[:IN_CYCLE]->(c:Cycle)
RETURN id, kind, obj.id AS objectiveId, obj.tier AS tier, t.id AS ownerId, c.id AS cycleId,
       c.startDate AS startDate, c.endDate AS endDate, obj.organisationId AS organisationId
