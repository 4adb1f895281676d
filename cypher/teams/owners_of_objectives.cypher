// The team that owns each given objective: what the look-ahead reads for `objective(id) { owner { ... } }`,
// keyed by the objective's id so that it runs alongside the lookup of the objective itself.
// One row for all of them: the driver's cost is per row.
// :param ids => ["obj-discover-q1", "obj-digital-first-week"]
// Returns: groups (list of maps: key (the objective's id), items (its owner team, one map: id, name, kind, parentId, organisationId))
UNWIND $ids AS id
MATCH (o:Objective {id: id})-[:OWNED_BY]->(t:Team)-[:BELONGS_TO]->(org:Organisation)
OPTIONAL MATCH (t)-[:PART_OF]->(parent:Team)
RETURN collect({key: id, items: [t {.id, .name, .kind, parentId: parent.id, organisationId: org.id}]}) AS groups
