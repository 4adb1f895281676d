// The key results of each given objective, ordered by id.
// One row for all of them: the driver's cost is per row, and a DataLoader or look-ahead asks for hundreds.
// :param ids => ["obj-discover-q1"]
// Returns: groups (list of maps: key (the objective's id), items (its key results, maps))
UNWIND $ids AS id
MATCH (o:Objective {id: id})
WITH id, COLLECT {
  MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
  RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id}
  ORDER BY k.id
} AS items
RETURN collect({key: id, items: items}) AS groups
