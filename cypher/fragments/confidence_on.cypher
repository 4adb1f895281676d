// Confidence on a day: an objective's confidence (0..10) from its latest check-in made on or before `day`
// (the whole day, UTC), else its stored confidence; a null `day` means today: the stored confidence.
// Used as @confidence_on(o, $valuesOn), as report/get_report_objectives judges it.
// :arg objective
// :arg day
CASE WHEN day IS NULL THEN objective.confidence
     ELSE coalesce(COLLECT {
       MATCH (objective)-[:HAS_CHECK_IN]->(checked_:CheckIn)
       WHERE checked_.createdAt < datetime({date: day}) + duration({days: 1})
       RETURN checked_.confidence ORDER BY checked_.createdAt DESC, checked_.id DESC LIMIT 1
     }[0], objective.confidence)
END
