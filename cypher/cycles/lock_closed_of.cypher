// Before a write: take the write lock on the objectives, key results or cycles named, and return those that
// sit in a CLOSED cycle (a closed cycle freezes its objectives and their key results). Holding the lock
// means closeCycle, which locks the same nodes, runs either wholly before or wholly after the write.
// Ids that name nothing, or things in an open cycle, are left out.
// :param ids => ["obj-discover-q1", "kr-identity-instant-verification", "cycle-2026-q1"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, cycleId (the closed cycle), closedAt
UNWIND $ids AS id
OPTIONAL MATCH (o:Objective {id: id})
OPTIONAL MATCH (ko:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
OPTIONAL MATCH (cc:Cycle {id: id})
WITH id, coalesce(o, k, cc) AS node, coalesce(o, ko) AS objective, cc
WHERE node IS NOT NULL AND ($org IS NULL OR node.organisationId = $org)
SET node._LOCK_ = true
REMOVE node._LOCK_
WITH id, objective, cc
OPTIONAL MATCH (objective)-[:IN_CYCLE]->(oc:Cycle)
WITH id, coalesce(oc, cc) AS c
WHERE c.status = "CLOSED"
RETURN id, c.id AS cycleId, c.closedAt AS closedAt
