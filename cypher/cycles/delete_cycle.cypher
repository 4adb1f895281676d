// Delete a cycle that has no sub-cycles and holds no objectives, priorities or retrospectives.
// :param id => "cycle-example"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, subCycles, objectives, priorities, retrospectives (counts); deleted only when all are 0.
// No row when the cycle does not exist.
MATCH (c:Cycle {id: $id})
WHERE ($org IS NULL OR c.organisationId = $org)
WITH c,
     COUNT { (:Cycle)-[:WITHIN]->(c) } AS subCycles,
     COUNT { (:Objective)-[:IN_CYCLE]->(c) } AS objectives,
     COUNT { (:Priority)-[:IN_CYCLE]->(c) } AS priorities,
     COUNT { (:Retrospective)-[:IN_CYCLE]->(c) } AS retrospectives
CALL (c, subCycles, objectives, priorities, retrospectives) {
  WITH c WHERE subCycles = 0 AND objectives = 0 AND priorities = 0 AND retrospectives = 0
  DETACH DELETE c
}
RETURN $id AS id, subCycles, objectives, priorities, retrospectives
