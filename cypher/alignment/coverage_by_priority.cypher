// Coverage of the strategy by priority: how many teams and team objectives stand behind each priority.
// Reads the maintained coverage rows (:UnitCoverage, one per business unit or top unit and cycle: see
// alignment_state/write_unit_coverage), which count per priority the team objectives whose maintained
// alignPriorities reach it and their distinct owner teams; every team counts in exactly one row, so the sums are
// the organisation's. Kept current in the same transaction as every write that can change them
// (graph/planning/coverage_state.py). alignment/coverage_by_priority_full answers the same from the graph alone.
// For every priority whose cycle overlaps $cycleId (for a quarter: its year's priorities), counts the strategic
// objectives that SUPPORT it, and the non-archived TEAM objectives in $cycleId (or a cycle within it) with a
// CONTRIBUTES_TO path (through objectives or their key results, never through an ARCHIVED objective) to one of
// those, and the distinct teams that own them. A priority with 0 teams is unsupported.
// :param cycleId => "cycle-2026-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: priorityId, title, strategicObjectives, teamObjectives, teams, cycleId, description; by title
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
CALL (c) {
  MATCH (row:UnitCoverage {organisationId: c.organisationId, cycleId: c.id})
  UNWIND range(0, size(row.priorityIds) - 1) AS i
  WITH row.priorityIds[i] AS priorityId, sum(row.priorityObjectives[i]) AS teamObjectives,
       sum(row.priorityTeams[i]) AS teams
  RETURN collect({priorityId: priorityId, teamObjectives: teamObjectives, teams: teams}) AS counted
}
MATCH (p:Priority)-[:IN_CYCLE]->(pc:Cycle)
WHERE EXISTS { (pc)-[:WITHIN*0..]->(c) } OR EXISTS { (c)-[:WITHIN*0..]->(pc) }
WITH p, pc, [row IN counted WHERE row.priorityId = p.id][0] AS row
RETURN p.id AS priorityId, p.title AS title,
       COUNT { (p)<-[:SUPPORTS]-(s:Objective) WHERE @live(s) } AS strategicObjectives,
       coalesce(row.teamObjectives, 0) AS teamObjectives, coalesce(row.teams, 0) AS teams, pc.id AS cycleId,
       p.description AS description
ORDER BY p.title, p.id
