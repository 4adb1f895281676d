// The organisations holding an objective with no alignment state (written before the state existed, or by
// another tool that left it out): the service rebuilds their state when it starts, as `aligngraph
// alignment rebuild` would.
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Also those with a business unit that has no maintained coverage row (alignment_state/write_unit_coverage) for
// one of the organisation's cycles, or an objective or key result with a DEPENDS_ON but no :DependencySource label.
// Returns: id (organisation ids in order)
CALL () {
  MATCH (o:Objective)
  WHERE o.alignCycles IS NULL AND o.organisationId IS NOT NULL AND ($org IS NULL OR o.organisationId = $org)
  RETURN DISTINCT o.organisationId AS id
  UNION
  MATCH (bu:Team {kind: "BUSINESS_UNIT"}), (c:Cycle {organisationId: bu.organisationId})
  WHERE ($org IS NULL OR bu.organisationId = $org)
    AND NOT EXISTS { MATCH (:UnitCoverage {unitId: bu.id, cycleId: c.id}) }
  RETURN DISTINCT bu.organisationId AS id
  UNION
  MATCH (n)-[:DEPENDS_ON]->()
  WHERE NOT n:DependencySource AND n.organisationId IS NOT NULL AND ($org IS NULL OR n.organisationId = $org)
  RETURN DISTINCT n.organisationId AS id
}
RETURN id
ORDER BY id
