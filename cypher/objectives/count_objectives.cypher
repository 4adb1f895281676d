// How many objectives match the filters of list_objectives (any filter left null matches everything).
// :param cycleId => "cycle-2026-q1"
// :param includeSubCycles => true
// :param teamId => "bu-digital"
// :param tier => null
// :param status => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
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
  AND ($teamId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $teamId}) })
RETURN count(o) AS total
