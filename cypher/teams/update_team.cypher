// Rename a team.
// :param id => "team-discover"
// :param changes => {name: "Discover"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: team (map), or no row when the team does not exist.
MATCH (t:Team {id: $id})-[:BELONGS_TO]->(org:Organisation)
WHERE $org IS NULL OR org.id = $org
SET t += $changes
WITH t, org
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
