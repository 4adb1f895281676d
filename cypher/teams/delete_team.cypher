// Delete a team that has no sub-units and owns no objectives, with its own retrospectives.
// :param id => "team-example"
// Returns: id, children, objectives (counts); deleted only when both counts are 0.
MATCH (t:Team {id: $id})
WITH t, COUNT { (:Team)-[:PART_OF]->(t) } AS children, COUNT { (:Objective)-[:OWNED_BY]->(t) } AS objectives
CALL (t, children, objectives) {
  WITH t WHERE children = 0 AND objectives = 0
  CALL (t) {
    MATCH (t)-[:HAS_RETROSPECTIVE]->(r:Retrospective)
    DETACH DELETE r
  }
  DETACH DELETE t
}
RETURN $id AS id, children, objectives
