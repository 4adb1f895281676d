// Create a cycle, within an optional parent cycle (the caller has checked kind and dates).
// :param id => "cycle-example"
// :param name => "Q2 2026"
// :param kind => "QUARTER"
// :param startDate => date("2026-04-01")
// :param endDate => date("2026-06-30")
// :param parentId => "cycle-2026"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId)
OPTIONAL MATCH (parent:Cycle {id: $parentId})
CREATE (c:Cycle {id: $id, name: $name, kind: $kind, startDate: $startDate, endDate: $endDate})
FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (c)-[:WITHIN]->(p))
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id} AS cycle
