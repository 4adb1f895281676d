// Every key result of one organisation's objectives, with the objective it belongs to. Each is a list of its
// fields in a fixed order (a plan may hold 60,000: lists travel and decode faster than maps, which repeat
// every field name).
// :param organisationId => "org-bank"
// Returns: items (list of lists: [id, objectiveId, title, kind, direction, unit, baseline, target, current, done, weight, externalKey])
MATCH (:Organisation {id: $organisationId})<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
RETURN collect([k.id, o.id, k.title, k.kind, k.direction, k.unit, k.baseline, k.target, k.current,
                coalesce(k.done, false), coalesce(k.weight, 1.0), k.externalKey]) AS items
