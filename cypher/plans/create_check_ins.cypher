// Record a plan's past check-ins, each with its own time, author and idempotency key, linked to the
// measurements it recorded (already written through the push path). Then each objective's lastCheckInAt and
// confidence become its latest check-in's, as live check-ins leave them.
// :param rows => [{objectiveId: "obj-identity-q1", checkIn: {id: "checkin-plan-example", confidence: 4, issues: ["Vendor SDK ships late"], plan: "Escalate with the vendor", author: "Priya (Identity)", createdAt: datetime("2026-02-16T09:00:00Z"), idempotencyKey: "plan:example"}, measurementIds: []}]
// Returns: created (how many check-ins were created)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
CREATE (o)-[:HAS_CHECK_IN]->(c:CheckIn:Keyed)
SET c = row.checkIn
WITH o, c, row
CALL (c, row) {
  UNWIND row.measurementIds AS measurementId
  MATCH (m:Measurement {id: measurementId})
  CREATE (c)-[:RECORDED]->(m)
}
WITH collect(DISTINCT o) AS objectives, count(c) AS created
CALL (objectives) {
  UNWIND objectives AS o
  MATCH (o)-[:HAS_CHECK_IN]->(c:CheckIn)
  WITH o, c ORDER BY c.createdAt DESC
  WITH o, head(collect(c)) AS latest
  SET o.lastCheckInAt = latest.createdAt, o.confidence = latest.confidence
}
RETURN created
