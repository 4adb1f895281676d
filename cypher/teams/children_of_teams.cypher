// The direct sub-units of each given team, ordered by name.
// :param ids => ["bu-digital"]
// Returns: key (the parent's id), team (map: id, name, kind, parentId, organisationId)
UNWIND $ids AS id
MATCH (child:Team)-[:PART_OF]->(parent:Team {id: id})
MATCH (child)-[:BELONGS_TO]->(org:Organisation)
RETURN id AS key, child {.id, .name, .kind, parentId: parent.id, organisationId: org.id} AS team
ORDER BY child.name
