// Delete an objective with its key results and their measurements, its check-ins and retrospectives, and
// every edge that touches them.
// :param id => "obj-payments-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, keyResults (how many KRs went with it); no row when it does not exist.
MATCH (o:Objective {id: $id})
WHERE ($org IS NULL OR o.organisationId = $org)
OPTIONAL MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WITH o, collect(k) AS krs
CALL (o) {
  MATCH (o)-[:HAS_CHECK_IN|HAS_RETROSPECTIVE]->(record)
  DETACH DELETE record
}
CALL (o) {
  MATCH (o)-[:HAS_KEY_RESULT]->(:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement)
  DETACH DELETE m
}
FOREACH (k IN krs | DETACH DELETE k)
DETACH DELETE o
RETURN $id AS id, size(krs) AS keyResults
