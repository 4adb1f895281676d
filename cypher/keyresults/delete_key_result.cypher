// Delete a key result, its measurements (so their idempotency keys can be used again) and every edge that
// touches them.
// :param id => "kr-discover-tickets"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id; no row when it does not exist.
MATCH (k:KeyResult {id: $id})
WHERE ($org IS NULL OR k.organisationId = $org)
CALL (k) {
  MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  DETACH DELETE m
}
DETACH DELETE k
RETURN $id AS id
