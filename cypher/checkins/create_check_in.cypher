// Record a check-in for an objective, link the measurements it recorded (already written through the push
// path), and make its confidence the objective's latest (confidence, lastCheckInAt) unless a check-in
// created later has already committed (two racing check-ins never move confidence backwards).
// :param objectiveId => "obj-identity-q1"
// :param checkIn => {id: "checkin-example", confidence: 4, issues: ["Vendor SDK ships late"], plan: "Escalate with the vendor", author: "Priya (Identity)", createdAt: datetime("2026-02-16T09:00:00Z"), idempotencyKey: null}
// :param measurementIds => []
// Returns: checkIn (map: id, objectiveId, confidence, issues, plan, author, createdAt, idempotencyKey, values: list of {keyResultId, value, observedAt, measurementId})
MATCH (o:Objective {id: $objectiveId})
CREATE (o)-[:HAS_CHECK_IN]->(c:CheckIn:Keyed)
SET c = $checkIn
WITH o, c
CALL (o, c) {
  WITH o, c
  WHERE c.createdAt >= coalesce(o.lastCheckInAt, c.createdAt)
  SET o.confidence = c.confidence, o.lastCheckInAt = c.createdAt
}
WITH o, c
CALL (c) {
  UNWIND $measurementIds AS measurementId
  MATCH (m:Measurement {id: measurementId})
  CREATE (c)-[:RECORDED]->(m)
}
RETURN c {.id, .confidence, .issues, .plan, .author, .createdAt, .idempotencyKey, objectiveId: o.id,
          values: [(c)-[:RECORDED]->(m:Measurement)<-[:HAS_MEASUREMENT]-(k:KeyResult) |
                   {keyResultId: k.id, value: m.value, observedAt: m.observedAt, measurementId: m.id}]} AS checkIn
