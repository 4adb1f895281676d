// Store key results' progress, computed by graph/core/progress.py from their fields.
// :param rows => [{id: "kr-discover-completion", progress: 0.5}]
// Returns: updated (how many key results were changed)
UNWIND $rows AS row
MATCH (k:KeyResult {id: row.id})
SET k.progress = row.progress
RETURN count(k) AS updated
