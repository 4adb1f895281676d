// Unsupported strategy: priorities and strategic objectives that no team objective contributes to, so nobody
// has picked them up. A team objective contributes when a CONTRIBUTES_TO path (through objectives or their key
// results, any number of steps, never through an ARCHIVED objective) leads from it to the strategic objective,
// or to one that SUPPORTS the priority.
// Considers the non-archived priorities and strategic objectives whose cycle overlaps $cycleId (for a quarter:
// its year's strategy), and the non-archived team objectives in $cycleId or a cycle within it.
// Reasons: NO_SUPPORTING_OBJECTIVE (a priority no strategic objective supports),
//          NO_TEAM_CONTRIBUTOR (strategy with no team objective behind it).
// :param cycleId => "cycle-2026-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: kind (PRIORITY or OBJECTIVE), id, title, reason, ownerId, cycleId, description, and for objectives tier, status, confidence, rollup; priorities first, then by id
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
CALL (c) {
  MATCH (p:Priority)-[:IN_CYCLE]->(pc:Cycle)
  WHERE EXISTS { (pc)-[:WITHIN*0..]->(c) } OR EXISTS { (c)-[:WITHIN*0..]->(pc) }
  RETURN "PRIORITY" AS kind, p AS node, p {.id, .title, .description, cycleId: pc.id} AS item,
         EXISTS { (p)<-[:SUPPORTS]-(:Objective) } AS supported,
         [(s:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(p) WHERE @live(s) | s] AS roots
  UNION ALL
  MATCH (s:Objective {tier: "STRATEGIC"})-[:IN_CYCLE]->(sc:Cycle), (s)-[:OWNED_BY]->(owner:Team)
  WHERE @live(s)
    AND (EXISTS { (sc)-[:WITHIN*0..]->(c) } OR EXISTS { (c)-[:WITHIN*0..]->(sc) })
  RETURN "OBJECTIVE" AS kind, s AS node,
         s {.id, .title, .description, .tier, .status, .confidence, rollup: coalesce(s.rollup, "MEAN"),
            ownerId: owner.id, cycleId: sc.id} AS item,
         true AS supported, [s] AS roots
}
WITH c, kind, item, supported, roots
// Walk down from the strategy (the objective itself, or the live strategic objectives that support the priority)
// rather than up from every team objective: each walk stops at the first team objective it meets.
WHERE NOT any(root IN roots WHERE EXISTS {
  MATCH (root) ((b)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(a)
                WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN startNode(r) = b ELSE endNode(r) = b END
                  AND @live(a)){1,12}
        (t:Objective {tier: "TEAM"})
  WHERE EXISTS { (t)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
})
RETURN kind, item.id AS id, item.title AS title,
       CASE WHEN supported THEN "NO_TEAM_CONTRIBUTOR" ELSE "NO_SUPPORTING_OBJECTIVE" END AS reason,
       item.ownerId AS ownerId, item.cycleId AS cycleId, item.description AS description, item.tier AS tier,
       item.status AS status, item.confidence AS confidence, item.rollup AS rollup
ORDER BY kind DESC, id
