// Orphaned objectives: goals that cannot say which strategy they serve, each with the reason.
// Reads the maintained alignment state: the :Orphaned label and alignCycles, kept current in the same
// transaction as every write that can change them (graph/planning/alignment_state.py; `aligngraph alignment
// rebuild` recomputes them). alignment/orphaned_objectives_full answers the same from the graph alone.
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
// Walk the orphaned objectives in id order (the :Orphaned id index gives that order): a page stops when full.
MATCH (o:Orphaned)
WHERE o.id > coalesce($after, "")
WITH c, o
ORDER BY o.id
MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
WHERE EXISTS { (oc)-[:WITHIN*0..]->(c) }
MATCH (o)-[:OWNED_BY]->(t:Team)
WHERE $unitId IS NULL OR EXISTS { (t)-[:PART_OF*0..]->(:Team {id: $unitId}) }
WITH o, oc, t
LIMIT coalesce($first, 1000000) + 1
WITH o, oc, t, [(o)-[:CONTRIBUTES_TO]->(parent) | parent.id] AS parentIds
RETURN o.id AS id, o.title AS title, o.tier AS tier,
       CASE
         WHEN size(o.alignCycles) > 0 THEN "PARENT_OUTSIDE_CYCLE"
         WHEN size(parentIds) > 0 THEN "CHAIN_BROKEN"
         WHEN o.tier = "TEAM" THEN "NO_PARENT"
         ELSE "NO_PRIORITY"
       END AS reason,
       parentIds, t.id AS ownerId, t.name AS ownerName, oc.id AS cycleId, o.status AS status,
       o.confidence AS confidence, coalesce(o.rollup, "MEAN") AS rollup, o.description AS description
ORDER BY id
