// Create or update the demo's measurements that no check-in recorded (product analytics' exports), merged by
// id, then set each of their key results' lastObservedAt to its latest measurement's time. The key results'
// current values come from the key-result step and equal each series' latest value. Re-running changes nothing.
// :param rows => [{measurementId: "m-digital-nps-2026-01-15-analytics", keyResultId: "kr-digital-nps", value: 24.0, observedAt: datetime("2026-01-15T07:00:00Z"), receivedAt: datetime("2026-01-15T07:05:00Z"), source: "analytics"}]
// Returns: merged (how many measurements were merged; rows whose key result is missing are skipped)
UNWIND $rows AS row
MATCH (k:KeyResult {id: row.keyResultId})
MERGE (m:Measurement {id: row.measurementId})
SET m:Keyed, m.value = row.value, m.observedAt = row.observedAt, m.receivedAt = row.receivedAt, m.source = row.source
MERGE (k)-[:HAS_MEASUREMENT]->(m)
WITH collect(DISTINCT k) AS keyResults, count(m) AS merged
CALL (keyResults) {
  UNWIND keyResults AS k
  MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  WITH k, max(m.observedAt) AS latest
  SET k.lastObservedAt = latest
}
RETURN merged
