// Coverage of the strategy by business unit, recomputed from the graph itself: how much of each BU's team work is aligned.
// The full recomputation, for ad-hoc questions and for checking the maintained state: it searches upward from
// every team objective. alignment/coverage_by_unit gives the same rows from the maintained state.
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
// Only the cycle's organisation's business units.
MATCH (bu:Team {kind: "BUSINESS_UNIT", organisationId: c.organisationId})
CALL (bu, c) {
  MATCH (o:Objective {tier: "TEAM"})-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(bu)
  WHERE @live(o)
  MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
  WHERE EXISTS { (oc)-[:WITHIN*0..]->(c) }
  // The common case first, because it is cheap: what it contributes to (or the objective of the KR it
  // contributes to) is strategy that supports a priority.
  CALL (o, oc) {
    RETURN EXISTS {
      MATCH (o)-[:CONTRIBUTES_TO]->(:Objective|KeyResult)<-[:HAS_KEY_RESULT*0..1]-(s:Objective {tier: "STRATEGIC"}),
            (s)-[:SUPPORTS]->(:Priority), (s)-[:IN_CYCLE]->(sc:Cycle)
      WHERE @live(s) AND @covers(sc, oc)
    } AS directlyAligned
  }
  // Otherwise: does a longer chain reach strategy?
  OPTIONAL CALL (o, oc, directlyAligned) {
    WITH o, oc WHERE NOT directlyAligned
    RETURN EXISTS {
      MATCH (o) ((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(b)
                 WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN endNode(r) = a ELSE startNode(r) = a END
                   AND @live(b)){1,12}
            (s:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(:Priority),
            (s)-[:IN_CYCLE]->(sc:Cycle)
      WHERE @covers(sc, oc)
    } AS chainAligned
  }
  RETURN count(o) AS teamObjectives,
         count(CASE WHEN directlyAligned OR chainAligned THEN o END) AS aligned
}
CALL (bu, c) {
  MATCH (team:Team {kind: "TEAM"})-[:PART_OF*1..]->(bu)
  WHERE NOT EXISTS {
    MATCH (team)<-[:OWNED_BY]-(o:Objective)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c)
    WHERE @live(o)
  }
  WITH team ORDER BY team.name, team.id
  RETURN collect(team.id) AS teamsWithoutObjectives
}
RETURN bu.id AS unitId, bu.name AS unit, teamObjectives, aligned, teamObjectives - aligned AS orphaned,
       CASE WHEN teamObjectives > 0 THEN toFloat(aligned) / teamObjectives END AS alignedShare,
       CASE WHEN teamObjectives > 0 THEN toFloat(teamObjectives - aligned) / teamObjectives END AS orphanedShare,
       teamsWithoutObjectives
ORDER BY bu.name, bu.id
