// The objectives directly above each given objective: those it contributes to, directly or
// through one of their key results. Used to walk upward and refuse CONTRIBUTES_TO loops.
// :param ids => ["obj-discover-q1"]
// Returns: id (a parent objective's id)
UNWIND $ids AS id
MATCH (:Objective {id: id})-[:CONTRIBUTES_TO]->(target)
OPTIONAL MATCH (owner:Objective)-[:HAS_KEY_RESULT]->(target)
RETURN DISTINCT coalesce(owner.id, target.id) AS id
