// Orphaned objectives, recomputed from the graph itself: goals that cannot say which strategy they serve, each with the reason.
// The full recomputation, for ad-hoc questions and for checking the maintained state: it searches upward
// from every objective, so it costs what the organisation costs. alignment/orphaned_objectives gives the same
// rows from the maintained state (the :Orphaned label, graph/planning/alignment_state.py) at the cost of the page.
// (Chains here are searched up to 12 steps; the maintained state has no limit.)
// An objective is aligned when a CONTRIBUTES_TO path (through objectives, or the key results they contribute
// to, any number of steps, never through an ARCHIVED objective) reaches a STRATEGIC objective that SUPPORTS a
// priority and whose cycle contains the objective's cycle. A strategic objective that supports a priority is
// aligned by itself. Every other objective is orphaned, with one reason:
//   NO_PARENT             a team objective that contributes to nothing
//   NO_PRIORITY           a strategic objective that supports no priority and contributes to nothing
//   PARENT_OUTSIDE_CYCLE  its chain reaches strategy, but only strategy of another cycle (e.g. last year's)
//   CHAIN_BROKEN          it has parents, but they are orphaned themselves (or archived)
// Lists the non-archived objectives in $cycleId or in a cycle within it (a year includes its quarters),
// owned by $unitId or any unit inside it ($unitId null: the whole organisation), in id order.
// Paging: up to $first rows (null: all) after the objective id $after (null: from the start).
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// :param after => null
// :param first => 100
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, title, tier, reason, parentIds (ids it contributes to), ownerId, ownerName, cycleId, status, confidence, rollup, description
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
// Walk objectives in id order (the id index gives that order), so a page stops as soon as it is full.
MATCH (o:Objective)
WHERE o.id > coalesce($after, "")
WITH c, o
ORDER BY o.id
MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
WHERE @live(o) AND EXISTS { (oc)-[:WITHIN*0..]->(c) }
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, oc, t
// Aligned in the common case, checked first because it is cheap: it supports a priority itself, or what it
// contributes to (or the objective of the KR it contributes to) is strategy that does.
CALL (o, oc) {
  RETURN (o.tier = "STRATEGIC" AND EXISTS { (o)-[:SUPPORTS]->(:Priority) })
         OR EXISTS {
           MATCH (o)-[:CONTRIBUTES_TO]->(:Objective|KeyResult)<-[:HAS_KEY_RESULT*0..1]-(s:Objective {tier: "STRATEGIC"}),
                 (s)-[:SUPPORTS]->(:Priority), (s)-[:IN_CYCLE]->(sc:Cycle)
           WHERE @live(s) AND @covers(sc, oc)
         } AS directlyAligned
}
WITH o, oc, t, directlyAligned
WHERE NOT directlyAligned
// Otherwise: does a longer chain reach strategy?
CALL (o, oc) {
  RETURN EXISTS {
    MATCH (o) ((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(b)
               WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN endNode(r) = a ELSE startNode(r) = a END
                 AND @live(b)){1,12}
          (s:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(:Priority),
          (s)-[:IN_CYCLE]->(sc:Cycle)
    WHERE @covers(sc, oc)
  } AS chainAligned
}
WITH o, oc, t, chainAligned
WHERE NOT chainAligned
WITH o, oc, t
LIMIT coalesce($first, 1000000) + 1
WITH o, oc, t, [(o)-[:CONTRIBUTES_TO]->(parent) | parent.id] AS parentIds,
     EXISTS {
       MATCH (o) ((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(b)
                  WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN endNode(r) = a ELSE startNode(r) = a END
                    AND @live(b)){1,12}
             (:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(:Priority)
     } AS reachesOtherCycle
RETURN o.id AS id, o.title AS title, o.tier AS tier,
       CASE
         WHEN reachesOtherCycle THEN "PARENT_OUTSIDE_CYCLE"
         WHEN size(parentIds) > 0 THEN "CHAIN_BROKEN"
         WHEN o.tier = "TEAM" THEN "NO_PARENT"
         ELSE "NO_PRIORITY"
       END AS reason,
       parentIds, t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId, o.status AS status,
       o.confidence AS confidence, coalesce(o.rollup, "MEAN") AS rollup, o.description AS description
ORDER BY id
