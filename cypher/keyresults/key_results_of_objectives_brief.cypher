// The key results of each given objective, ordered by id, with only the properties a list of them usually
// shows: what the look-ahead reads when a query selects no other key result field (the full row has 13).
// One row for all of them: the driver's cost is per row, and a look-ahead asks for hundreds.
// :param ids => ["obj-discover-q1"]
// Returns: groups (list of maps: key (the objective's id), items (maps: id, title, unit, current, target, objectiveId))
UNWIND $ids AS id
MATCH (o:Objective {id: id})
WITH id, COLLECT {
  MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
  RETURN k {.id, .title, .unit, .current, .target, objectiveId: o.id}
  ORDER BY k.id
} AS items
RETURN collect({key: id, items: items}) AS groups
