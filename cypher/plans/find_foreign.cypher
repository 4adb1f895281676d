// Which of a plan's new ids already name a node of the same kind in another organisation: a plan must not
// take them over. Each id is looked up only among the nodes its own kind would be written as (a unit id among
// units, an objective or key result id among both, since links name either): one index seek per id and kind.
// :param organisationId => "org-other"
// :param teamIds => ["team-discover"]
// :param alignableIds => ["obj-discover-q1", "kr-discover-completion"]
// :param cycleIds => ["cycle-2026"]
// :param priorityIds => ["prio-onboarding"]
// :param initiativeIds => ["init-instant-id"]
// Returns: id, kind ("Team", "Objective", "KeyResult", "Cycle", "Priority" or "Initiative"), organisationId
CALL () {
  UNWIND $teamIds AS id
  MATCH (:Team {id: id})-[:BELONGS_TO]->(org:Organisation)
  RETURN id, "Team" AS kind, org.id AS organisationId
  UNION ALL
  UNWIND $alignableIds AS id
  MATCH (:Objective {id: id})-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org:Organisation)
  RETURN id, "Objective" AS kind, org.id AS organisationId
  UNION ALL
  UNWIND $alignableIds AS id
  MATCH (:KeyResult {id: id})<-[:HAS_KEY_RESULT]-(:Objective)-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org:Organisation)
  RETURN id, "KeyResult" AS kind, org.id AS organisationId
  UNION ALL
  UNWIND $cycleIds AS id
  MATCH (n:Cycle {id: id})
  RETURN id, "Cycle" AS kind, n.organisationId AS organisationId
  UNION ALL
  UNWIND $priorityIds AS id
  MATCH (n:Priority {id: id})
  RETURN id, "Priority" AS kind, n.organisationId AS organisationId
  UNION ALL
  UNWIND $initiativeIds AS id
  MATCH (n:Initiative {id: id})
  RETURN id, "Initiative" AS kind, n.organisationId AS organisationId
}
WITH id, kind, organisationId
WHERE organisationId <> $organisationId
RETURN id, kind, organisationId
