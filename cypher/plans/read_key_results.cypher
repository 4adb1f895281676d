// Every key result of one organisation's objectives, with the objective it belongs to.
// :param organisationId => "org-bank"
// Returns: items (list of maps: id, objectiveId, title, kind, direction, unit, baseline, target, current, done, weight, externalKey)
MATCH (:Organisation {id: $organisationId})<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
RETURN collect(k {.id, objectiveId: o.id, .title, .kind, .direction, .unit, .baseline, .target, .current,
                  done: coalesce(k.done, false), weight: coalesce(k.weight, 1.0), .externalKey}) AS items
