// Dependency loops between teams: teams that wait on each other, so none can finish first.
// Team A depends on team B when an objective of A, or one of its key results, DEPENDS_ON an objective or key
// result of B; both objectives must be in $cycleId (or a cycle within it). Finds loops of two teams
// (A -> B -> A) and three teams (A -> B -> C -> A); each loop is listed once, starting at its smallest team id.
// Reads the maintained loop candidates (:DependencyLoop, recorded in the same transaction as every write that
// adds a dependency: alignment_state/loops_through_dependencies) and keeps those whose every wait holds in the
// cycle, so it costs the candidates rather than every dependency. alignment/team_dependency_loops_full answers
// the same from the graph alone.
// :param cycleId => "cycle-2026-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: teams (list of team maps: id, name, kind, parentId, organisationId; in loop order), length; shortest loops first, then by team ids
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (candidate:DependencyLoop {organisationId: c.organisationId})
WITH c, candidate.teams AS ids
WHERE all(i IN range(0, size(ids) - 1) WHERE EXISTS {
  MATCH (:Team {id: ids[i]})<-[:OWNED_BY]-(ao:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(bo:Objective)-[:OWNED_BY]->(:Team {id: ids[(i + 1) % size(ids)]})
  WHERE EXISTS { (ao)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS { (bo)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
})
CALL (ids) {
  UNWIND range(0, size(ids) - 1) AS i
  MATCH (team:Team {id: ids[i]})
  WITH i, team ORDER BY i
  RETURN collect(team) AS loop
}
RETURN [team IN loop | team {.id, .name, .kind,
                              parentId: [(team)-[:PART_OF]->(parent:Team) | parent.id][0],
                              organisationId: [(team)-[:BELONGS_TO]->(org:Organisation) | org.id][0]}] AS teams,
       size(loop) AS length
ORDER BY length, ids
