// One page of objectives ordered by id, filtered by cycle (with $includeSubCycles true, a year includes its
// quarters, as in the alignment and health questions), owner team (with its sub-teams), tier and status.
// Any filter left null matches everything.
// :param cycleId => "cycle-2026-q1"
// :param includeSubCycles => true
// :param teamId => "bu-digital"
// :param tier => "TEAM"
// :param status => null
// :param after => null
// :param first => 50
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: objective (map: id, title, description, tier, status, confidence, rollup, ownerId, cycleId); first+1 rows tell hasNextPage.
// The cycles $cycleId names: itself, and with $includeSubCycles the cycles within it (a year's quarters).
CALL () {
  OPTIONAL MATCH (x:Cycle)-[:WITHIN*0..]->(:Cycle {id: $cycleId})
  WHERE $includeSubCycles OR x.id = $cycleId
  RETURN collect(x.id) AS cycleIds
}
MATCH (o:Objective)-[:OWNED_BY]->(t:Team)
MATCH (o)-[:IN_CYCLE]->(c:Cycle)
WHERE ($cycleId IS NULL OR c.id IN cycleIds)
  AND ($org IS NULL OR o.organisationId = $org)
  AND ($tier IS NULL OR o.tier = $tier)
  AND ($status IS NULL OR o.status = $status)
  AND ($after IS NULL OR o.id > $after)
  AND ($teamId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $teamId}) })
RETURN o {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(o.rollup, "MEAN"), ownerId: t.id, cycleId: c.id} AS objective
ORDER BY o.id
LIMIT $first + 1
