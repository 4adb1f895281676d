// Ids for timing the link mutations (bench/links.py), picked deterministically from one organisation: the
// strategic objective with the most contributions and the first priority it supports, and the first team
// objective of the first quarter (by id) that does not contribute to that strategic objective yet.
// :param organisationId => "org-bank"
// Returns: one row (none if the organisation is missing): strategicObjectiveId, priorityId, teamObjectiveId (each null when there is none)
MATCH (org:Organisation {id: $organisationId})
OPTIONAL CALL (org) {
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(s:Objective {tier: "STRATEGIC"})-[:SUPPORTS]->(:Priority)
  WITH DISTINCT s
  RETURN s ORDER BY COUNT { (s)<-[:CONTRIBUTES_TO]-() } + COUNT { (s)-[:HAS_KEY_RESULT]->()<-[:CONTRIBUTES_TO]-() } DESC, s.id
  LIMIT 1
}
OPTIONAL CALL (s) {
  MATCH (s)-[:SUPPORTS]->(p:Priority)
  RETURN p ORDER BY p.id LIMIT 1
}
OPTIONAL CALL (org, s) {
  MATCH (q:Cycle {kind: "QUARTER"})
  WHERE EXISTS { (q)<-[:IN_CYCLE]-(:Objective {organisationId: org.id}) }
  RETURN q ORDER BY q.id LIMIT 1
}
OPTIONAL CALL (q, s) {
  MATCH (o:Objective {tier: "TEAM"})-[:IN_CYCLE]->(q)
  WHERE @live(o) AND NOT EXISTS { (o)-[:CONTRIBUTES_TO]->(s) }
  RETURN o ORDER BY o.id LIMIT 1
}
RETURN s.id AS strategicObjectiveId, p.id AS priorityId, o.id AS teamObjectiveId
