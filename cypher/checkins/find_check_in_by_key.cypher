// The check-in stored under an idempotency key: a check-in sent again with the same key returns this one.
// :param idempotencyKey => "demo:obj-identity-q1:2026-02-09"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: checkIn (map: id, objectiveId, confidence, issues, plan, author, createdAt, idempotencyKey, values: list of {keyResultId, value, observedAt, measurementId}); visible (false when the key was used in another organisation: keys are unique database-wide); no row when the key is new
MATCH (o:Objective)-[:HAS_CHECK_IN]->(c:CheckIn {idempotencyKey: $idempotencyKey})
RETURN c {.id, .confidence, .issues, .plan, .author, .createdAt, .idempotencyKey, objectiveId: o.id,
          values: [(c)-[:RECORDED]->(m:Measurement)<-[:HAS_MEASUREMENT]-(k:KeyResult) |
                   {keyResultId: k.id, value: m.value, observedAt: m.observedAt, measurementId: m.id}]} AS checkIn,
       $org IS NULL OR o.organisationId = $org AS visible
