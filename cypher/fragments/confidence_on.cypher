// Confidence on a day: an objective's confidence (0..10) from its latest check-in made on or before `day`
// (the whole day, UTC); null when it had none by then (the stored one may have been set later). A null `day`
// means today: the stored confidence.
// Used as @confidence_on(o, $valuesOn), as report/get_report_objectives judges it.
// :arg objective
// :arg day
CASE WHEN day IS NULL THEN objective.confidence
     ELSE COLLECT {
       MATCH (objective)-[:HAS_CHECK_IN]->(checked_:CheckIn)
       WHERE checked_.createdAt < datetime({date: day}) + duration({days: 1})
       RETURN checked_.confidence ORDER BY checked_.createdAt DESC, checked_.id DESC LIMIT 1
     }[0]
END
