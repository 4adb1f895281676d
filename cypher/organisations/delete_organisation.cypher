// Delete an organisation that no team belongs to.
// :param id => "org-example"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, teams (count); deleted only when teams is 0. No row when the organisation does not exist.
MATCH (o:Organisation {id: $id})
WHERE $org IS NULL OR o.id = $org
WITH o, COUNT { (:Team)-[:BELONGS_TO]->(o) } AS teams
CALL (o, teams) {
  WITH o WHERE teams = 0
  DETACH DELETE o
}
RETURN $id AS id, teams
