// Coverage of the strategy by business unit: how much of each BU's team work is aligned.
// Reads the maintained coverage rows (:UnitCoverage, one per business unit or top unit and cycle: see
// alignment_state/write_unit_coverage), kept current in the same transaction as every write that can change
// them (graph/planning/coverage_state.py), so it reads about one row per unit instead of every objective.
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
// Each row counts its home's own teams; it adds to every business unit it names (the home and those above it).
MATCH (row:UnitCoverage {organisationId: c.organisationId, cycleId: c.id})
UNWIND row.units AS unitId
WITH unitId, sum(row.teamObjectives) AS teamObjectives, sum(row.aligned) AS aligned, collect(row.idleTeams) AS idle
MATCH (bu:Team {id: unitId})
CALL (idle) {
  UNWIND idle AS ids
  UNWIND ids AS teamId
  MATCH (team:Team {id: teamId})
  WITH team ORDER BY team.name, team.id
  RETURN collect(team.id) AS teamsWithoutObjectives
}
RETURN bu.id AS unitId, bu.name AS unit, teamObjectives, aligned, teamObjectives - aligned AS orphaned,
       CASE WHEN teamObjectives > 0 THEN toFloat(aligned) / teamObjectives END AS alignedShare,
       CASE WHEN teamObjectives > 0 THEN toFloat(teamObjectives - aligned) / teamObjectives END AS orphanedShare,
       teamsWithoutObjectives
ORDER BY bu.name, bu.id
