// Check-ins by id (node(id:) refetching one), each with the key-result values it recorded. Ids that match
// nothing, or a check-in of another organisation's objective, are left out.
// :param ids => ["checkin-identity-q1-2026-02-09"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: checkIn (map: id, objectiveId, confidence, issues, plan, author, createdAt, idempotencyKey, values: list of {keyResultId, value, observedAt, measurementId})
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_CHECK_IN]->(c:CheckIn {id: id})
WHERE $org IS NULL OR o.organisationId = $org
RETURN c {.id, .confidence, .issues, .plan, .author, .createdAt, .idempotencyKey, objectiveId: o.id,
          values: [(c)-[:RECORDED]->(m:Measurement)<-[:HAS_MEASUREMENT]-(k:KeyResult) |
                   {keyResultId: k.id, value: m.value, observedAt: m.observedAt, measurementId: m.id}]} AS checkIn
