// Record pushed values as measurements in their key results' history (the caller has validated them).
// :param rows => [{id: "m-example", keyResultId: "kr-discover-completion", value: 77.5, observedAt: datetime("2026-02-01T09:00:00Z"), receivedAt: datetime("2026-02-01T09:05:00Z"), source: "amplitude", idempotencyKey: "demo-push-2026-02-01"}]
// Returns: created (how many measurements were written)
UNWIND $rows AS row
MATCH (k:KeyResult {id: row.keyResultId})
CREATE (k)-[:HAS_MEASUREMENT]->(m:Measurement {id: row.id})
SET m.value = row.value,
    m.observedAt = row.observedAt,
    m.receivedAt = row.receivedAt,
    m.source = row.source,
    m.idempotencyKey = row.idempotencyKey
RETURN count(m) AS created
