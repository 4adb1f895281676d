// Record that a strategic objective supports a priority; re-running changes nothing.
// :param objectiveId => "obj-digital-first-week"
// :param priorityId => "prio-onboarding"
// Returns: objectiveId
MATCH (o:Objective {id: $objectiveId})
MATCH (p:Priority {id: $priorityId})
MERGE (o)-[:SUPPORTS]->(p)
RETURN o.id AS objectiveId
