// Store the maintained alignment state of objectives (graph/planning/alignment_state.py computes it).
// alignCycles: the cycles of the live STRATEGIC objectives that SUPPORT a priority and that a CONTRIBUTES_TO
// chain from the objective reaches (through live objectives or their key results, any number of steps);
// alignPriorities: the priorities those strategic objectives support. From them, the label :Orphaned marks a
// live objective that is not aligned: it is not a STRATEGIC objective supporting a priority itself, and no cycle
// in alignCycles covers its own (@covers). alignment/orphaned_objectives and coverage read that label.
// :param rows => [{id: "obj-discover-q1", cycles: ["cycle-2026"], priorities: ["prio-onboarding"]}]
// Returns: id, orphaned
UNWIND $rows AS row
MATCH (o:Objective {id: row.id})
SET o.alignCycles = row.cycles, o.alignPriorities = row.priorities
WITH o
CALL (o) {
  OPTIONAL MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
  RETURN @live(o)
         AND NOT (o.tier = "STRATEGIC" AND EXISTS { (o)-[:SUPPORTS]->(:Priority) })
         AND NOT EXISTS {
           MATCH (sc:Cycle) WHERE sc.id IN o.alignCycles AND @covers(sc, oc)
         } AS orphaned
}
FOREACH (_ IN CASE WHEN orphaned THEN [1] ELSE [] END | SET o:Orphaned)
FOREACH (_ IN CASE WHEN orphaned THEN [] ELSE [1] END | REMOVE o:Orphaned)
RETURN o.id AS id, orphaned
