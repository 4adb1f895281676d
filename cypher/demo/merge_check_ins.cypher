// Create or update the demo's check-ins by id, with the key-result values each recorded (measurements with
// source "check-in", merged by id). Then each objective's lastCheckInAt becomes its latest check-in's time and
// each recorded key result's lastObservedAt its latest measurement's. Confidence and current come from the
// objective and key-result steps and equal the latest check-in's. Re-running changes nothing.
// :param rows => [{id: "checkin-identity-q1-2026-02-09", objectiveId: "obj-identity-q1", confidence: 3, issues: ["The vendor paused its SDK update until April"], plan: "Escalate with the vendor.", author: "Priya Shah (Identity)", createdAt: datetime("2026-02-09T09:00:00Z"), idempotencyKey: "demo:obj-identity-q1:2026-02-09", values: [{measurementId: "m-identity-instant-verification-2026-02-09", keyResultId: "kr-identity-instant-verification", value: 30.0, observedAt: datetime("2026-02-09T08:00:00Z"), receivedAt: datetime("2026-02-09T09:00:00Z"), source: "check-in"}]}]
// Returns: merged (how many check-ins were merged; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MERGE (c:CheckIn {id: row.id})
SET c:Keyed, c.confidence = row.confidence, c.issues = row.issues, c.plan = row.plan, c.author = row.author,
    c.createdAt = row.createdAt, c.idempotencyKey = row.idempotencyKey
MERGE (o)-[:HAS_CHECK_IN]->(c)
WITH o, c, row
CALL (c, row) {
  UNWIND row.values AS value
  MATCH (k:KeyResult {id: value.keyResultId})
  MERGE (m:Measurement {id: value.measurementId})
  SET m:Keyed, m.value = value.value, m.observedAt = value.observedAt, m.receivedAt = value.receivedAt,
      m.source = value.source
  MERGE (k)-[:HAS_MEASUREMENT]->(m)
  MERGE (c)-[:RECORDED]->(m)
  RETURN collect(DISTINCT k) AS keyResults
}
WITH collect(DISTINCT o) AS objectives, collect(keyResults) AS recorded, count(c) AS merged
CALL (objectives) {
  UNWIND objectives AS o
  MATCH (o)-[:HAS_CHECK_IN]->(c:CheckIn)
  WITH o, max(c.createdAt) AS latest
  SET o.lastCheckInAt = latest
}
CALL (recorded) {
  UNWIND recorded AS keyResults
  UNWIND keyResults AS k
  WITH DISTINCT k
  MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WITH k, max(m.observedAt) AS latest
  SET k.lastObservedAt = latest
}
RETURN merged
