// Coverage of the strategy by priority, recomputed from the graph itself: how many teams and team objectives stand behind each priority.
// The full recomputation, for ad-hoc questions and for checking the maintained state: it walks down from every
// supporting strategic objective. alignment/coverage_by_priority gives the same rows from the maintained state.
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
MATCH (p:Priority)-[:IN_CYCLE]->(pc:Cycle)
WHERE EXISTS { (pc)-[:WITHIN*0..]->(c) } OR EXISTS { (c)-[:WITHIN*0..]->(pc) }
CALL (p, c) {
  // Walk down from the priority's strategic objectives to everything that contributes to them.
  MATCH (s:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(p)
  WHERE @live(s)
  MATCH (s) ((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(b)
             WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN startNode(r) = a ELSE endNode(r) = a END
               AND @live(b)){1,12} (t:Objective)
  WITH DISTINCT c, t
  WHERE t.tier = "TEAM"
  MATCH (t)-[:IN_CYCLE]->(tc:Cycle)
  WHERE EXISTS { (tc)-[:WITHIN*0..]->(c) }
  MATCH (t)-[:OWNED_BY]->(team:Team)
  RETURN count(t) AS teamObjectives, count(DISTINCT team) AS teams
}
RETURN p.id AS priorityId, p.title AS title,
       COUNT { (p)<-[:SUPPORTS]-(s:Objective) WHERE @live(s) } AS strategicObjectives,
       teamObjectives, teams, pc.id AS cycleId, p.description AS description
ORDER BY p.title, p.id
