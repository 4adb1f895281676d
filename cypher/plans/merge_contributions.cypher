// Link objectives as contributing to a higher-tier objective or key result; re-running only updates the edge.
// The plan was validated first: never down a tier, child cycle within parent cycle, no loops.
// :param rows => [{childId: "obj-discover-q1", parentId: "obj-digital-first-week", weight: 1.0, countsTowardProgress: true}]
// Returns: merged (how many rows were merged; rows whose child or parent is missing are skipped)
UNWIND $rows AS row
MATCH (child:Objective {id: row.childId})
OPTIONAL MATCH (po:Objective {id: row.parentId})
OPTIONAL MATCH (pk:KeyResult {id: row.parentId})
WITH row, child, coalesce(po, pk) AS parent
WHERE parent IS NOT NULL
MERGE (child)-[r:CONTRIBUTES_TO]->(parent)
SET r.weight = row.weight, r.countsTowardProgress = row.countsTowardProgress
RETURN count(r) AS merged
