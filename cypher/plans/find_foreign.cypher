// Which of these ids already name a unit, objective or key result of another organisation: a plan must
// not take them over.
// :param organisationId => "org-other"
// :param ids => ["team-discover", "obj-discover-q1", "kr-discover-completion"]
// Returns: id, kind ("Team", "Objective" or "KeyResult"), organisationId
UNWIND $ids AS id
CALL (id) {
  MATCH (t:Team {id: id})-[:BELONGS_TO]->(org:Organisation)
  RETURN "Team" AS kind, org.id AS organisationId
  UNION
  MATCH (:Objective {id: id})-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org:Organisation)
  RETURN "Objective" AS kind, org.id AS organisationId
  UNION
  MATCH (:KeyResult {id: id})<-[:HAS_KEY_RESULT]-(:Objective)-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org:Organisation)
  RETURN "KeyResult" AS kind, org.id AS organisationId
  UNION
  MATCH (n:Cycle {id: id})
  RETURN "Cycle" AS kind, n.organisationId AS organisationId
  UNION
  MATCH (n:Priority {id: id})
  RETURN "Priority" AS kind, n.organisationId AS organisationId
  UNION
  MATCH (n:Initiative {id: id})
  RETURN "Initiative" AS kind, n.organisationId AS organisationId
}
WITH id, kind, organisationId
WHERE organisationId <> $organisationId
RETURN id, kind, organisationId
