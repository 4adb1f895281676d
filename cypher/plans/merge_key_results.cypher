// Create or update key results by id, as a plan gives them, each belonging to exactly one objective. current
// and progress are not set here: a new current is a measurement (the push path), then progress follows.
// :param rows => [{id: "kr-discover-completion", objectiveId: "obj-discover-q1", title: "Onboarding completion from 65% to 90%", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 65.0, target: 90.0, done: false, weight: 1.0, externalKey: null}]
// Returns: merged (how many key results were written; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MERGE (k:KeyResult {id: row.id})
SET k.title = row.title, k.kind = row.kind, k.direction = row.direction, k.unit = row.unit,
    k.baseline = row.baseline, k.target = row.target, k.done = row.done, k.weight = row.weight,
    k.externalKey = row.externalKey, k.organisationId = o.organisationId
MERGE (o)-[:HAS_KEY_RESULT]->(k)
WITH o, k
CALL (o, k) {
  MATCH (other:Objective)-[stale:HAS_KEY_RESULT]->(k)
  WHERE other <> o
  DELETE stale
}
RETURN count(k) AS merged
