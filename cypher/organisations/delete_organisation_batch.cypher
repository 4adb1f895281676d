// Delete one batch of an organisation's content, deepest first: measurements, check-ins, retrospectives and
// the maintained coverage rows and loop candidates (:UnitCoverage, :DependencyLoop),
// then key results, objectives, units, initiatives and priorities, then cycles. A unit goes only in a batch that
// also takes everything under it, so nothing is left unreachable between batches. Run it until it deletes nothing, then delete the organisation.
// :param id => "org-example"
// :param limit => 5000
// Returns: deleted (how many nodes this batch deleted)
MATCH (org:Organisation {id: $id})
CALL (org) {
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT]->(:KeyResult)-[:HAS_MEASUREMENT]->(n:Measurement)
  RETURN n, 0 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(:Objective)-[:HAS_CHECK_IN]->(n:CheckIn)
  RETURN n, 0 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(:Objective)-[:HAS_RETROSPECTIVE]->(n:Retrospective)
  RETURN n, 0 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(:Team)-[:HAS_RETROSPECTIVE]->(n:Retrospective)
  RETURN n, 0 AS depth
  UNION
  MATCH (n:UnitCoverage {organisationId: org.id})
  RETURN n, 0 AS depth
  UNION
  MATCH (n:DependencyLoop {organisationId: org.id})
  RETURN n, 0 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT]->(n:KeyResult)
  RETURN n, 1 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(n:Objective)
  RETURN n, 2 AS depth
  UNION
  MATCH (org)<-[:BELONGS_TO]-(n:Team)
  RETURN n, 3 AS depth
  UNION
  MATCH (n:Initiative {organisationId: org.id})
  RETURN n, 3 AS depth
  UNION
  MATCH (n:Priority {organisationId: org.id})
  RETURN n, 3 AS depth
  UNION
  MATCH (n:Cycle {organisationId: org.id})
  RETURN n, 4 AS depth
}
WITH n, depth
ORDER BY depth
LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
