// Rename a team.
// :param id => "team-discover"
// :param changes => {name: "Discover"}
// Returns: team (map), or no row when the team does not exist.
MATCH (t:Team {id: $id})-[:BELONGS_TO]->(org:Organisation)
SET t += $changes
WITH t, org
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
