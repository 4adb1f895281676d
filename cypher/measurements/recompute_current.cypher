// Set each key result's current to the value of its latest observed measurement (a tie goes to the latest
// received), and lastObservedAt to its time. Key results without measurements are left as they are.
// The caller then recomputes and stores progress from the returned fields.
// :param ids => ["kr-discover-completion"]
// Returns: keyResult (map: id, title, kind, direction, unit, baseline, target, current, done, weight, objectiveId, ...)
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
CALL (k) {
  MATCH (k)-[:HAS_MEASUREMENT]->(m:Measurement)
  RETURN m
  ORDER BY m.observedAt DESC, m.receivedAt DESC, m.id DESC
  LIMIT 1
}
SET k.current = m.value, k.lastObservedAt = m.observedAt
RETURN k {.id, .title, .kind, .direction, .unit, .baseline, .target, .current, .progress, .done, .weight, .externalKey, .lastObservedAt, objectiveId: o.id} AS keyResult
