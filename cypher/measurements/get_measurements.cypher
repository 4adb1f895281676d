// Measurements by id (node(id:) refetching one value of a key result's history). Ids that match nothing, or
// a measurement of another organisation's key result, are left out.
// :param ids => ["m-identity-instant-verification-2026-02-09"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: measurement (map: id, value, observedAt, receivedAt, source, idempotencyKey)
UNWIND $ids AS id
MATCH (k:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement {id: id})
WHERE $org IS NULL OR k.organisationId = $org
RETURN m {.id, .value, .observedAt, .receivedAt, .source, .idempotencyKey} AS measurement
