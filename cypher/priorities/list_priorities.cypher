// One page of priorities ordered by id, optionally only those of one cycle.
// :param cycleId => "cycle-2026"
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: priority (map: id, title, description, cycleId, organisationId); fetch first+1 rows to learn hasNextPage.
MATCH (p:Priority)-[:IN_CYCLE]->(c:Cycle)
WHERE ($cycleId IS NULL OR c.id = $cycleId)
  AND ($org IS NULL OR p.organisationId = $org)
  AND ($after IS NULL OR p.id > $after)
RETURN p {.id, .title, .description, cycleId: c.id, .organisationId} AS priority
ORDER BY p.id
LIMIT $first + 1
