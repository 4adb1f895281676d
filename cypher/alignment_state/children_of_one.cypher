// The objectives directly below one objective (contributing to it or to one of its key results): their
// alignment changes when it is deleted. alignment_state/children_of does the same for a list of ids.
// :param id => "obj-digital-first-week"
// Returns: id
MATCH (o:Objective {id: $id})
CALL (o) {
  MATCH (child:Objective)-[:CONTRIBUTES_TO]->(o)
  RETURN child
  UNION
  MATCH (o)-[:HAS_KEY_RESULT]->(:KeyResult)<-[:CONTRIBUTES_TO]-(child:Objective)
  RETURN child
}
RETURN DISTINCT child.id AS id
ORDER BY id
