// The organisations holding an objective with no alignment state (written before the state existed, or by
// another tool that left it out): the service rebuilds their state when it starts, as `aligngraph
// alignment rebuild` would.
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id (organisation ids in order)
MATCH (o:Objective)
WHERE o.alignCycles IS NULL AND o.organisationId IS NOT NULL AND ($org IS NULL OR o.organisationId = $org)
RETURN DISTINCT o.organisationId AS id
ORDER BY id
