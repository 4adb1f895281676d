// Delete a cycle that has no sub-cycles and holds no objectives or priorities.
// :param id => "cycle-example"
// Returns: id, subCycles, objectives, priorities (counts); deleted only when all are 0.
// No row when the cycle does not exist.
MATCH (c:Cycle {id: $id})
WITH c,
     COUNT { (:Cycle)-[:WITHIN]->(c) } AS subCycles,
     COUNT { (:Objective)-[:IN_CYCLE]->(c) } AS objectives,
     COUNT { (:Priority)-[:IN_CYCLE]->(c) } AS priorities
CALL (c, subCycles, objectives, priorities) {
  WITH c WHERE subCycles = 0 AND objectives = 0 AND priorities = 0
  DETACH DELETE c
}
RETURN $id AS id, subCycles, objectives, priorities
