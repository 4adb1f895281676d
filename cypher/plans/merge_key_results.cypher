// Create or update key results by id, as a plan gives them, each belonging to exactly one objective, with the
// progress (graph/core/progress.py) of the current it will have. current is not set here: a new current is a
// measurement, written next through the push path, which moves current and progress.
// :param rows => [{id: "kr-discover-completion", objectiveId: "obj-discover-q1", title: "Onboarding completion from 65% to 90%", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 65.0, target: 90.0, done: false, weight: 1.0, externalKey: null, progress: 0.28}]
// Returns: merged (how many key results were written; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MERGE (k:KeyResult {id: row.id})
SET k:Keyed, k.title = row.title, k.kind = row.kind, k.direction = row.direction, k.unit = row.unit,
    k.baseline = row.baseline, k.target = row.target, k.done = row.done, k.weight = row.weight,
    k.externalKey = row.externalKey, k.progress = row.progress, k.organisationId = o.organisationId
MERGE (o)-[:HAS_KEY_RESULT]->(k)
WITH o, k
CALL (o, k) {
  MATCH (other:Objective)-[stale:HAS_KEY_RESULT]->(k)
  WHERE other <> o
  DELETE stale
}
RETURN count(k) AS merged
