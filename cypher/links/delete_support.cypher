// Remove the SUPPORTS edge from an objective to a priority, if there is one.
// :param objectiveId => "obj-digital-first-week"
// :param priorityId => "prio-onboarding"
// Returns: removed (0 or 1)
MATCH (:Objective {id: $objectiveId})-[r:SUPPORTS]->(:Priority {id: $priorityId})
DELETE r
RETURN count(r) AS removed
