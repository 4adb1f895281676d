// Create a key result under an objective (the caller has validated the numbers).
// :param objectiveId => "obj-discover-q1"
// :param props => {id: "kr-example", title: "Example KR", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 10.0, target: 20.0, current: null, done: false, weight: 1.0}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResult (map), or no row when the objective does not exist.
MATCH (o:Objective {id: $objectiveId})
WHERE ($org IS NULL OR o.organisationId = $org)
CREATE (k:KeyResult:Keyed)
SET k = $props, k.organisationId = o.organisationId
CREATE (o)-[:HAS_KEY_RESULT]->(k)
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
