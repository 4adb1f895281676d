// The units at the top of an organisation's tree (its company: no unit above them), in id order.
// :param organisationId => "org-bank"
// Returns: team (map: id, name, kind, parentId, organisationId)
MATCH (t:Team)-[:BELONGS_TO]->(org:Organisation {id: $organisationId})
WHERE NOT EXISTS { (t)-[:PART_OF]->(:Team) }
RETURN t {.id, .name, .kind, parentId: null, organisationId: org.id} AS team
ORDER BY t.id
