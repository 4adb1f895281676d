// Value on a day: a key result's value as it stood on `day`, its latest measurement observed on or before
// that day (the whole day, UTC; a tie goes to the later received, as for the stored current). Null when it
// had no measurement by then but has later ones; a key result never measured keeps its stored current (the
// value it was planned with) on every day. A null `day` means today: the stored current (which the push path
// keeps equal to the latest measurement). graph/core/history.py's values_on gives null for today and later days.
// Used as @value_on(k, $valuesOn); @progress_on turns the value into progress.
// :arg kr
// :arg day
CASE WHEN day IS NULL THEN kr.current
     WHEN NOT EXISTS { (kr)-[:HAS_MEASUREMENT]->(:Measurement) } THEN kr.current
     ELSE COLLECT {
       MATCH (kr)-[:HAS_MEASUREMENT]->(measured_:Measurement)
       WHERE measured_.observedAt < datetime({date: day}) + duration({days: 1})
       RETURN measured_.value ORDER BY measured_.observedAt DESC, measured_.receivedAt DESC, measured_.id DESC
       LIMIT 1
     }[0]
END
