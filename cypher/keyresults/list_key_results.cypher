// One page of key results ordered by id, optionally of one objective.
// :param objectiveId => null
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResult (map); first+1 rows tell hasNextPage.
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE ($objectiveId IS NULL OR o.id = $objectiveId)
  AND ($org IS NULL OR k.organisationId = $org)
  AND ($after IS NULL OR k.id > $after)
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
ORDER BY k.id
LIMIT $first + 1
