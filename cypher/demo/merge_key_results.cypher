// Create or update key results by id, each belonging to exactly one objective; null values remove the property.
// :param rows => [{id: "kr-discover-completion", objectiveId: "obj-discover-q1", title: "Onboarding completion from 65% to 90%", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 65.0, target: 90.0, current: 72.0, progress: 0.28, done: false, weight: 1.0, externalKey: "amplitude:onboarding_completion"}]
// Returns: merged (how many rows were merged; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MERGE (k:KeyResult {id: row.id})
SET k:Keyed, k.title = row.title, k.kind = row.kind, k.direction = row.direction, k.unit = row.unit,
    k.baseline = row.baseline, k.target = row.target, k.current = row.current, k.progress = row.progress,
    k.done = row.done, k.weight = row.weight, k.externalKey = row.externalKey,
    k.organisationId = o.organisationId
MERGE (o)-[:HAS_KEY_RESULT]->(k)
WITH o, k
CALL (o, k) {
  MATCH (other:Objective)-[stale:HAS_KEY_RESULT]->(k)
  WHERE other <> o
  DELETE stale
}
RETURN count(k) AS merged
