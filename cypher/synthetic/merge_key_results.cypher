// Create or update key results by id in bulk, each under its objective, with the progress computed by the
// caller (graph.progress); null values remove the property. Like synthetic/merge_objectives it removes no
// stale edges.
// :param rows => [{id: "syn-kr-000001", objectiveId: "obj-discover-q1", title: "Raise conversion from 10.5 to 26.7 %", kind: "METRIC", direction: "INCREASE", unit: "%", baseline: 10.5, target: 26.7, current: 20.27, done: false, weight: 1.0, progress: 0.603}]
// Returns: merged (how many rows were merged; rows whose objective is missing are skipped)
UNWIND $rows AS row
MATCH (o:Objective {id: row.objectiveId})
MERGE (k:KeyResult {id: row.id})
SET k:Keyed, k.title = row.title, k.kind = row.kind, k.direction = row.direction, k.unit = row.unit,
    k.baseline = row.baseline, k.target = row.target, k.current = row.current, k.done = row.done,
    k.weight = row.weight, k.progress = row.progress, k.organisationId = o.organisationId
MERGE (o)-[:HAS_KEY_RESULT]->(k)
RETURN count(k) AS merged
