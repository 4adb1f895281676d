// Delete a team that has no sub-units and owns no objectives, with its own retrospectives.
// :param id => "team-example"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, children, objectives (counts); deleted only when both counts are 0.
MATCH (t:Team {id: $id})
WHERE ($org IS NULL OR t.organisationId = $org)
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
