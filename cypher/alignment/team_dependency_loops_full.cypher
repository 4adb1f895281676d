// Dependency loops between teams, recomputed from the graph itself: teams that wait on each other, so none can finish first.
// The full recomputation, for ad-hoc questions, for checking the maintained candidates and for rebuilding them:
// it reads every dependency of the cycle. alignment/team_dependency_loops gives the same rows from the maintained
// :DependencyLoop candidates.
// Team A depends on team B when an objective of A, or one of its key results, DEPENDS_ON an objective or key
// result of B; both objectives must be in $cycleId (or a cycle within it). Finds loops of two teams
// (A -> B -> A) and three teams (A -> B -> C -> A); each loop is listed once, starting at its smallest team id.
// :param cycleId => "cycle-2026-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: teams (list of team maps: id, name, kind, parentId, organisationId; in loop order), length; shortest loops first, then by team ids
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
// Every team-to-team dependency once, as a pair [A, B].
CALL (c) {
  MATCH (a:Team)<-[:OWNED_BY]-(ao:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(bo:Objective)-[:OWNED_BY]->(b:Team)
  WHERE a <> b
    AND EXISTS { (ao)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS { (bo)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
  RETURN collect(DISTINCT [a, b]) AS pairs
}
CALL (pairs) {
  // Two teams: the pair appears in both directions.
  UNWIND pairs AS pair
  WITH CASE WHEN pair[0].id < pair[1].id THEN pair ELSE [pair[1], pair[0]] END AS loop, count(*) AS directions
  WHERE directions = 2
  RETURN loop
  UNION ALL
  // Three teams: every path A -> B -> C (starting at its smallest team) closes when [C, A] is a pair too.
  // Grouping the paths on the pair that would close them, together with the pairs themselves, finds the
  // closed ones without comparing every pair with every other.
  CALL (pairs) {
    UNWIND pairs AS pair
    UNWIND [{team: pair[1], from: pair[0]}, {team: pair[0], to: pair[1]}] AS side
    WITH side.team AS middle, collect(side.from) AS froms, collect(side.to) AS tos
    UNWIND froms AS first
    UNWIND tos AS last
    WITH first, middle, last
    WHERE first.id < middle.id AND first.id < last.id
    RETURN collect({closing: [last, first], path: [first, middle, last]}) AS paths
  }
  UNWIND paths + [pair IN pairs | {closing: pair, path: null}] AS row
  WITH row.closing AS closing, collect(row.path) AS open, count(*) - count(row.path) AS closers
  WHERE closers > 0
  UNWIND open AS loop
  RETURN loop
}
RETURN [team IN loop | team {.id, .name, .kind,
                              parentId: [(team)-[:PART_OF]->(parent:Team) | parent.id][0],
                              organisationId: [(team)-[:BELONGS_TO]->(org:Organisation) | org.id][0]}] AS teams,
       size(loop) AS length
ORDER BY length, [team IN loop | team.id]
