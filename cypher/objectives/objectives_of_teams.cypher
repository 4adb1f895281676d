// The objectives each given team owns (not its sub-teams'), ordered by id.
// One row for all of them: the driver's cost is per row, and a DataLoader or look-ahead asks for hundreds.
// :param ids => ["team-discover", "bu-digital"]
// Returns: groups (list of maps: key (the team's id), items (its objectives, maps))
UNWIND $ids AS id
MATCH (t:Team {id: id})
WITH id, COLLECT {
  MATCH (o:Objective)-[:OWNED_BY]->(t)
  MATCH (o)-[:IN_CYCLE]->(c:Cycle)
  RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id}
  ORDER BY o.id
} AS items
RETURN collect({key: id, items: items}) AS groups
