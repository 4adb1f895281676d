// The direct sub-units of each given team, ordered by name.
// One row for all of them: the driver's cost is per row, and a DataLoader or look-ahead asks for hundreds.
// :param ids => ["bu-digital"]
// Returns: groups (list of maps: key (the parent's id), items (maps: id, name, kind, parentId, organisationId))
UNWIND $ids AS id
MATCH (parent:Team {id: id})
WITH id, COLLECT {
  MATCH (child:Team)-[:PART_OF]->(parent)
  MATCH (child)-[:BELONGS_TO]->(org:Organisation)
  RETURN child {.id, .name, .kind, parentId: parent.id, organisationId: org.id}
  ORDER BY child.name
} AS items
RETURN collect({key: id, items: items}) AS groups
