// Create a cycle in an organisation, within an optional parent cycle (the caller has checked kind and dates).
// :param id => "cycle-example"
// :param name => "Q2 2026"
// :param kind => "QUARTER"
// :param startDate => date("2026-04-01")
// :param endDate => date("2026-06-30")
// :param parentId => "cycle-2026"
// :param organisationId => "org-bank"
// Returns: cycle (map: id, name, kind, startDate, endDate, status, closedAt, parentId, organisationId)
OPTIONAL MATCH (parent:Cycle {id: $parentId, organisationId: $organisationId})
CREATE (c:Cycle:Keyed {id: $id, name: $name, kind: $kind, startDate: $startDate, endDate: $endDate, organisationId: $organisationId})
FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (c)-[:WITHIN]->(p))
RETURN c {.id, .name, .kind, .startDate, .endDate, status: coalesce(c.status, "OPEN"), .closedAt, parentId: parent.id, .organisationId} AS cycle
