// Record the team loops that new dependencies may close, as maintained :DependencyLoop candidates: for each
// dependency (from -> to), team A owning the from end and team B owning the to end, a loop of two when B also
// waits on A, and of three when B waits on a team X that waits on A. Team A waits on team B when an objective of
// A, or one of its key results, DEPENDS_ON an objective or key result of B, in any cycle. A candidate is the
// loop's teams in loop order starting at the smallest team id; alignment/team_dependency_loops keeps those
// whose every wait has both ends' objectives in the cycle asked about, so a candidate that stopped being a loop
// (a dependency removed) shows nowhere. The bounded search costs the two teams' own dependencies.
// :param rows => [{fromId: "kr-sre-runbooks", toId: "obj-identity-q1"}]
// Returns: teams (each candidate's team ids)
UNWIND $rows AS row
OPTIONAL MATCH (fo:Objective {id: row.fromId})
OPTIONAL MATCH (fko:Objective)-[:HAS_KEY_RESULT]->(:KeyResult {id: row.fromId})
OPTIONAL MATCH (tob:Objective {id: row.toId})
OPTIONAL MATCH (tko:Objective)-[:HAS_KEY_RESULT]->(:KeyResult {id: row.toId})
WITH coalesce(fo, fko) AS ao, coalesce(tob, tko) AS bo
MATCH (ao)-[:OWNED_BY]->(a:Team), (bo)-[:OWNED_BY]->(b:Team)
WHERE a <> b
WITH DISTINCT a, b
CALL (a, b) {
  MATCH (b)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(:Objective)-[:OWNED_BY]->(a)
  RETURN [a.id, b.id] AS loop
  LIMIT 1
  UNION
  MATCH (b)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(:Objective)-[:OWNED_BY]->(x:Team)
  WHERE x <> a AND x <> b
  WITH DISTINCT a, b, x
  WHERE EXISTS {
    MATCH (x)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
          <-[:HAS_KEY_RESULT*0..1]-(:Objective)-[:OWNED_BY]->(a)
  }
  RETURN [a.id, b.id, x.id] AS loop
}
WITH a, loop, reduce(k = 0, i IN range(0, size(loop) - 1) | CASE WHEN loop[i] < loop[k] THEN i ELSE k END) AS k
WITH DISTINCT a.organisationId AS organisationId, loop[k..] + loop[..k] AS teams
MERGE (candidate:DependencyLoop {organisationId: organisationId, teams: teams})
RETURN candidate.teams AS teams
