// Create a team in an organisation, under an optional parent unit.
// :param id => "team-example"
// :param name => "Example team"
// :param kind => "TEAM"
// :param organisationId => "org-bank"
// :param parentId => "bu-digital"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: team (map), or no row when the organisation does not exist.
MATCH (org:Organisation {id: $organisationId})
WHERE $org IS NULL OR org.id = $org
OPTIONAL MATCH (parent:Team {id: $parentId})
CREATE (t:Team:Keyed {id: $id, name: $name, kind: $kind, organisationId: org.id})
CREATE (t)-[:BELONGS_TO]->(org)
FOREACH (p IN CASE WHEN parent IS NULL THEN [] ELSE [parent] END | CREATE (t)-[:PART_OF]->(p))
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
