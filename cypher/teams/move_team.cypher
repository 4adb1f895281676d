// Move a team under another parent unit (the caller has checked that this makes no loop).
// :param id => "team-discover"
// :param parentId => "bu-digital"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: team (map)
MATCH (t:Team {id: $id})-[:BELONGS_TO]->(org:Organisation)
WHERE $org IS NULL OR org.id = $org
MATCH (parent:Team {id: $parentId})-[:BELONGS_TO]->(org)
OPTIONAL MATCH (t)-[old:PART_OF]->(:Team)
DELETE old
CREATE (t)-[:PART_OF]->(parent)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
