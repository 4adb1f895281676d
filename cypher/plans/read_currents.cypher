// The fields progress is computed from, for key results an import has just written or measured.
// :param ids => ["kr-discover-completion"]
// Returns: items (list of maps: id, kind, direction, baseline, target, current, done)
MATCH (k:KeyResult)
WHERE k.id IN $ids
RETURN collect(k {.id, .kind, .direction, .baseline, .target, .current, done: coalesce(k.done, false)}) AS items
