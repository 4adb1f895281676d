// Coverage of the strategy by business unit: how much of each BU's team work is aligned.
// Reads the maintained alignment state: a team objective is orphaned when it carries the :Orphaned label,
// kept current in the same transaction as every write that can change it (graph/planning/alignment_state.py).
// alignment/coverage_by_unit_full answers the same from the graph alone.
// For every BUSINESS_UNIT, counts the non-archived TEAM objectives in $cycleId (or a cycle within it) owned by
// the unit or any unit inside it; how many are aligned (same rule as alignment/orphaned_objectives: a
// CONTRIBUTES_TO path reaches a STRATEGIC objective of a containing cycle that SUPPORTS a priority) and how
// many are orphaned; and the TEAM-kind units inside it that own no objective in the cycle at all.
// Shares are 0..1 (null when the unit has no team objectives).
// :param cycleId => "cycle-2026-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: unitId, unit (its name), teamObjectives, aligned, orphaned, alignedShare, orphanedShare, teamsWithoutObjectives (ids); by unit name
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
WITH c, collect(oc) AS cycles
// Only the cycle's organisation's business units.
MATCH (bu:Team {kind: "BUSINESS_UNIT", organisationId: c.organisationId})
CALL (bu, cycles) {
  MATCH (o:Objective {tier: "TEAM"})-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(bu)
  WHERE @live(o) AND EXISTS { MATCH (o)-[:IN_CYCLE]->(oc) WHERE oc IN cycles }
  RETURN count(o) AS teamObjectives, count(CASE WHEN NOT o:Orphaned THEN o END) AS aligned
}
CALL (bu, cycles) {
  MATCH (team:Team {kind: "TEAM"})-[:PART_OF*1..]->(bu)
  WHERE NOT EXISTS {
    MATCH (team)<-[:OWNED_BY]-(o:Objective)-[:IN_CYCLE]->(oc:Cycle)
    WHERE oc IN cycles AND @live(o)
  }
  WITH team ORDER BY team.name, team.id
  RETURN collect(team.id) AS teamsWithoutObjectives
}
RETURN bu.id AS unitId, bu.name AS unit, teamObjectives, aligned, teamObjectives - aligned AS orphaned,
       CASE WHEN teamObjectives > 0 THEN toFloat(aligned) / teamObjectives END AS alignedShare,
       CASE WHEN teamObjectives > 0 THEN toFloat(teamObjectives - aligned) / teamObjectives END AS orphanedShare,
       teamsWithoutObjectives
ORDER BY bu.name, bu.id
