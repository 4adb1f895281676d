// Confidence on a day: an objective's confidence (0..10) from its latest check-in made on or before `day`
// (the whole day, UTC). With none by then: null when it has later check-ins (the stored confidence is a later
// one's), else the stored confidence (set when planned: an objective nobody checks in on keeps it). A null
// `day` means today: the stored confidence. report/get_report_objectives judges it the same way.
// Used as @confidence_on(o, $valuesOn).
// :arg objective
// :arg day
CASE WHEN day IS NULL THEN objective.confidence
     WHEN NOT EXISTS { (objective)-[:HAS_CHECK_IN]->(:CheckIn) } THEN objective.confidence
     ELSE COLLECT {
       MATCH (objective)-[:HAS_CHECK_IN]->(checked_:CheckIn)
       WHERE checked_.createdAt < datetime({date: day}) + duration({days: 1})
       RETURN checked_.confidence ORDER BY checked_.createdAt DESC, checked_.id DESC LIMIT 1
     }[0]
END
