// The contributions made to each given objective or key result (its children), ordered by the child's id,
// each with the child objective itself: what the look-ahead reads when a query selects
// `children { child { ... } }` or `contributors { child { ... } }` (resolvers/planning/ahead.py), so the
// children cost no second round trip. One row for all of them: the driver's cost is per row.
// :param ids => ["obj-digital-first-week"]
// Returns: groups (list of maps: key (the parent's id), items (maps: childId, parentId, parentKind, weight,
// countsTowardProgress, objective (the child objective as in objectives/get_objectives)))
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (parent:Objective {id: id})
  RETURN parent, "Objective" AS parentKind
  UNION
  OPTIONAL MATCH (parent:KeyResult {id: id})
  RETURN parent, "KeyResult" AS parentKind
}
WITH id, parent, parentKind WHERE parent IS NOT NULL
WITH id, parentKind, COLLECT {
  MATCH (child:Objective)-[r:CONTRIBUTES_TO]->(parent)
  OPTIONAL MATCH (child)-[:OWNED_BY]->(t:Team)
  OPTIONAL MATCH (child)-[:IN_CYCLE]->(c:Cycle)
  RETURN {childId: child.id, parentId: id, parentKind: parentKind,
          weight: coalesce(r.weight, 1.0), countsTowardProgress: coalesce(r.countsTowardProgress, true),
          objective: child {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(child.rollup, "MEAN"), ownerId: t.id, cycleId: c.id}}
  ORDER BY child.id
} AS items
RETURN collect({key: id, items: items}) AS groups
