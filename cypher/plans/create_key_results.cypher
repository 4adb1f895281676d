// Create key results that are new to the graph under their objectives, as a plan gives them, with their
// progress (graph/core/progress.py). A new key result whose `current` the plan gives (and no history of this
// import) gets its first measurement here, `first`, and current, lastObservedAt and currentMeasurementId from
// it: what the push path (cypher/measurements/record_measurements.cypher) writes for a key result's first
// value, without its locks and history reads, since a new key result has neither. `first` is null otherwise
// (current then comes from the history written next, or stays unset).
// :param rows => [{id: "kr-discover-return-example", objectiveId: "obj-discover-q1", title: "Second-week return rate from 40% to 60%", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 40.0, target: 60.0, done: false, weight: 1.0, externalKey: null, progress: 0.25, first: {id: "m-example-first", value: 45.0, observedAt: "2026-02-01T09:00:00+00:00", source: "plan:current"}}]
// :param receivedAt => datetime("2026-02-01T09:00:00Z")
// Returns: created (how many key results were created; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
CREATE (o)-[:HAS_KEY_RESULT]->(k:KeyResult:Keyed {id: row.id})
SET k.title = row.title, k.kind = row.kind, k.direction = row.direction, k.unit = row.unit,
    k.baseline = row.baseline, k.target = row.target, k.done = row.done, k.weight = row.weight,
    k.externalKey = row.externalKey, k.progress = row.progress, k.organisationId = o.organisationId
WITH k, row
CALL (k, row) {
  WITH k, row
  WHERE row.first IS NOT NULL
  CREATE (k)-[:HAS_MEASUREMENT]->(m:Measurement:Keyed {id: row.first.id})
  SET m.value = row.first.value,
      m.observedAt = datetime(row.first.observedAt),
      m.receivedAt = $receivedAt,
      m.source = row.first.source,
      k.current = row.first.value,
      k.lastObservedAt = m.observedAt,
      k.currentMeasurementId = m.id
}
RETURN count(k) AS created
