// The contributions each given objective makes upward (its parents), ordered by the parent's id, each with
// the parent objective or key result itself: what the look-ahead reads when a query selects
// `parents { parent { ... } }` (resolvers/planning/ahead.py), so the parents cost no second round trip.
// One row for all of them: the driver's cost is per row.
// :param ids => ["obj-discover-q1"]
// Returns: groups (list of maps: key (the child's id), items (maps: childId, parentId, parentKind, weight,
// countsTowardProgress, objective (the parent objective as in objectives/get_objectives, or null), keyResult
// (the parent key result as in keyresults/get_key_results, or null)))
UNWIND $ids AS id
MATCH (child:Objective {id: id})
WITH id, COLLECT {
  MATCH (child)-[r:CONTRIBUTES_TO]->(parent)
  OPTIONAL MATCH (parent:Objective)-[:OWNED_BY]->(t:Team)
  OPTIONAL MATCH (parent:Objective)-[:IN_CYCLE]->(c:Cycle)
  OPTIONAL MATCH (o:Objective)-[:HAS_KEY_RESULT]->(parent:KeyResult)
  RETURN {childId: id, parentId: parent.id,
          parentKind: CASE WHEN parent:Objective THEN "Objective" ELSE "KeyResult" END,
          weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true),
          objective: CASE WHEN parent:Objective THEN parent {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(parent.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} END,
          keyResult: CASE WHEN parent:KeyResult THEN parent {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id, .organisationId} END}
  ORDER BY parent.id
} AS items
RETURN collect({key: id, items: items}) AS groups
