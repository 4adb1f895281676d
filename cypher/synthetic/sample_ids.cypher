// Ids picked deterministically from one organisation, for benchmarks and examples: its first quarter (by id)
// that holds objectives, that quarter's year, the year's first priority, the strategic objective with the most
// contributions (direct or through its key results), the quarter's first team objective that contributes to
// something, the first business unit and the first team-kind team.
// :param organisationId => "org-bank"
// Returns: one row (none if the organisation is missing): quarterId, yearId, priorityId, strategicObjectiveId, teamObjectiveId, businessUnitId, teamId (each null when there is none)
MATCH (org:Organisation {id: $organisationId})
OPTIONAL CALL (org) {
  MATCH (q:Cycle {kind: "QUARTER"})
  WHERE EXISTS { (q)<-[:IN_CYCLE]-(:Objective)-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org) }
  RETURN q ORDER BY q.id LIMIT 1
}
OPTIONAL MATCH (q)-[:WITHIN]->(year:Cycle)
OPTIONAL CALL (year) {
  MATCH (p:Priority)-[:IN_CYCLE]->(year)
  RETURN p ORDER BY p.id LIMIT 1
}
OPTIONAL CALL (org) {
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(s:Objective {tier: "STRATEGIC"})
  RETURN s ORDER BY COUNT { (s)<-[:CONTRIBUTES_TO]-() } + COUNT { (s)-[:HAS_KEY_RESULT]->()<-[:CONTRIBUTES_TO]-() } DESC, s.id
  LIMIT 1
}
OPTIONAL CALL (org, q) {
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective {tier: "TEAM"})-[:IN_CYCLE]->(q)
  WHERE EXISTS { (o)-[:CONTRIBUTES_TO]->() }
  RETURN o ORDER BY o.id LIMIT 1
}
OPTIONAL CALL (org) {
  MATCH (org)<-[:BELONGS_TO]-(bu:Team {kind: "BUSINESS_UNIT"})
  RETURN bu ORDER BY bu.id LIMIT 1
}
OPTIONAL CALL (org) {
  MATCH (org)<-[:BELONGS_TO]-(t:Team {kind: "TEAM"})
  RETURN t ORDER BY t.id LIMIT 1
}
RETURN q.id AS quarterId, year.id AS yearId, p.id AS priorityId, s.id AS strategicObjectiveId,
       o.id AS teamObjectiveId, bu.id AS businessUnitId, t.id AS teamId
