// Record that strategic objectives support yearly priorities; re-running changes nothing.
// :param rows => [{objectiveId: "obj-digital-first-week", priorityId: "prio-onboarding"}]
// Returns: merged (how many rows were merged; rows whose objective or priority is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MATCH (p:Priority {id: row.priorityId})
MERGE (o)-[r:SUPPORTS]->(p)
RETURN count(r) AS merged
