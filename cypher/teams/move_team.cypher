// Move a team under another parent unit (the caller has checked that this makes no loop).
// :param id => "team-discover"
// :param parentId => "bu-digital"
// Returns: team (map)
MATCH (t:Team {id: $id})-[:BELONGS_TO]->(org:Organisation)
MATCH (parent:Team {id: $parentId})
OPTIONAL MATCH (t)-[old:PART_OF]->(:Team)
DELETE old
CREATE (t)-[:PART_OF]->(parent)
RETURN t {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
