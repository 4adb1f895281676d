// Every unit of one organisation with the unit it sits in, in one row (one record per unit costs more).
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, name, kind, parentId)
MATCH (t:Team)-[:BELONGS_TO]->(:Organisation {id: $organisationId})
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
RETURN collect(t {.id, .name, .kind, parentId: parent.id}) AS items
