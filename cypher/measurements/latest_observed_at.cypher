// When the latest of these key results' current values was observed (the greatest lastObservedAt), or null
// when none has a pushed value yet. The push benchmark observes its values after this, so they are new values
// that move current, not late ones that land in history only.
// :param ids => ["kr-discover-completion", "kr-discover-tutorial"]
// Returns: latest (datetime or null)
UNWIND $ids AS id
MATCH (k:KeyResult {id: id})
RETURN max(k.lastObservedAt) AS latest
