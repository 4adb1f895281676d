// The objectives directly below each given objective: those that contribute to it, or to one of its key results.
// Used to find everything whose alignment can change when an objective or one of its links changes: the walk
// goes through archived objectives too, because archiving or unarchiving one changes what sits below it.
// :param ids => ["obj-digital-first-week"]
// Returns: id (a child objective's id)
UNWIND $ids AS id
MATCH (o:Objective {id: id})
CALL (o) {
  MATCH (child:Objective)-[:CONTRIBUTES_TO]->(o)
  RETURN child
  UNION
  MATCH (o)-[:HAS_KEY_RESULT]->(:KeyResult)<-[:CONTRIBUTES_TO]-(child:Objective)
  RETURN child
}
RETURN DISTINCT child.id AS id
