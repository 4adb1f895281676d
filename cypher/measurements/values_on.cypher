// Key results as of a day: for each (key result, day) asked, its value then (its latest measurement observed
// on or before the day, the whole day UTC) and the progress that value gives (@value_on, @progress_on). A
// null day reads the stored current and progress (graph/core/history.py passes null for today and later).
// Many keys in one query: the DataLoader of KeyResult.valueAt and progressAt.
// :param keys => [{id: "kr-identity-instant-verification", day: date("2026-01-20")}, {id: "kr-discover-tickets", day: null}]
// Returns: index (the key's place in $keys), value, progress; no row for an unknown key result
UNWIND range(0, size($keys) - 1) AS index
WITH index, $keys[index] AS key
MATCH (k:KeyResult {id: key.id})
WITH index, k, key.day AS day
WITH index, k, day, @value_on(k, day) AS value
RETURN index, value, @progress_on(k, day, value) AS progress
ORDER BY index
