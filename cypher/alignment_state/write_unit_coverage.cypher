// Store the maintained coverage rows of the given coverage homes (alignment_state/coverage_homes): one
// :UnitCoverage node per home and cycle of its organisation, counting the live objectives of the home's own
// teams (the home and the units below it, not through another business unit) in that cycle or a cycle within it.
// Recomputed from those objectives and their maintained :Orphaned label and alignPriorities in the same
// transaction as every write that can change them (graph/planning/coverage_state.py);
// alignment/coverage_by_unit and alignment/coverage_by_priority sum these rows instead of counting objectives.
// Properties of a row:
//   unitId, cycleId, organisationId  the home, the cycle, its organisation
//   units                  the business units it counts for: the home (when one) and every business unit above it
//   teamObjectives, aligned   its teams' live TEAM objectives, and those of them not :Orphaned
//   idleTeams              ids of its TEAM-kind teams that own no live objective at all in the cycle
//   priorityIds, priorityObjectives, priorityTeams   per priority that their alignPriorities reach: how many
//                          live TEAM objectives reach it, and how many distinct teams own them (parallel lists)
// :param ids => ["bu-digital"]
// Returns: unitId, cycleId
UNWIND $ids AS homeId
MATCH (home:Team {id: homeId})
CALL (home) {
  MATCH (home) ((:Team)<-[:PART_OF]-(below:Team) WHERE below.kind <> "BUSINESS_UNIT")* (t:Team)
  WITH DISTINCT t ORDER BY t.id
  RETURN collect(t) AS teams
}
WITH home, teams, [(home)-[:PART_OF*0..]->(unit:Team {kind: "BUSINESS_UNIT"}) | unit.id] AS units
// Each live objective of those teams once, with every cycle it counts in (its own and those containing it).
CALL (teams) {
  UNWIND teams AS t
  MATCH (t)<-[:OWNED_BY]-(o:Objective)-[:IN_CYCLE]->(oc:Cycle)
  WHERE @live(o)
  RETURN collect({team: t.id, team_objective: o.tier = "TEAM", aligned: NOT o:Orphaned,
                  priorities: coalesce(o.alignPriorities, []),
                  cycles: [(oc)-[:WITHIN*0..]->(x:Cycle) | x.id]}) AS owned
}
MATCH (c:Cycle {organisationId: home.organisationId})
WITH home, teams, units, c, [o IN owned WHERE c.id IN o.cycles] AS inCycle
WITH home, teams, units, c, inCycle, [o IN inCycle WHERE o.team_objective] AS teamWork
CALL (teamWork) {
  UNWIND teamWork AS o
  UNWIND o.priorities AS priorityId
  WITH priorityId, count(*) AS objectives, count(DISTINCT o.team) AS owners
  ORDER BY priorityId
  RETURN collect(priorityId) AS priorityIds, collect(objectives) AS priorityObjectives,
         collect(owners) AS priorityTeams
}
WITH home, units, c, size(teamWork) AS teamObjectives, size([o IN teamWork WHERE o.aligned]) AS aligned,
     priorityIds, priorityObjectives, priorityTeams, [o IN inCycle | o.team] AS busy,
     [t IN teams WHERE t.kind = "TEAM" | t.id] AS teamIds
MERGE (row:UnitCoverage {unitId: home.id, cycleId: c.id})
SET row.organisationId = home.organisationId, row.units = units, row.teamObjectives = teamObjectives,
    row.aligned = aligned, row.idleTeams = [id IN teamIds WHERE NOT id IN busy], row.priorityIds = priorityIds,
    row.priorityObjectives = priorityObjectives, row.priorityTeams = priorityTeams
RETURN row.unitId AS unitId, row.cycleId AS cycleId
