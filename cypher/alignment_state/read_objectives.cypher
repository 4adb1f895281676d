// What the alignment state of each given objective is computed from: the objective, and each objective directly
// above it (it contributes to that objective or to one of its key results) with that parent's stored state.
// live: not ARCHIVED (@live); supports: the priorities it SUPPORTS (used only when it is STRATEGIC);
// a parent's alignCycles and alignPriorities are its maintained state (null when never computed).
// :param ids => ["obj-discover-q1"]
// Returns: id, live, tier, cycleId, ownerId (its team, whose coverage rows count it), supports (priority ids), parents (list of maps: id, live, tier, cycleId,
//   supports, alignCycles, alignPriorities)
UNWIND $ids AS id
MATCH (o:Objective {id: id})
OPTIONAL MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
RETURN o.id AS id, @live(o) AS live, o.tier AS tier, oc.id AS cycleId,
       [(o)-[:OWNED_BY]->(owner:Team) | owner.id][0] AS ownerId,
       [(o)-[:SUPPORTS]->(p:Priority) | p.id] AS supports,
       COLLECT {
         MATCH (o)-[:CONTRIBUTES_TO]->(target)
         OPTIONAL MATCH (owner:Objective)-[:HAS_KEY_RESULT]->(target)
         WITH DISTINCT coalesce(owner, target) AS parent
         WHERE parent:Objective
         RETURN parent {.id, live: @live(parent), .tier, cycleId: [(parent)-[:IN_CYCLE]->(pc:Cycle) | pc.id][0],
                        supports: [(parent)-[:SUPPORTS]->(pp:Priority) | pp.id],
                        .alignCycles, .alignPriorities}
       } AS parents
