// The history of one organisation: the measurements of its key results that no check-in recorded (but the
// one a plan's `current` made, source "plan:current", while it is still current: the plan's current gives it), its
// objectives' check-ins with the values each recorded, and the retrospectives of its objectives and units.
// Times come as ISO-8601 text; idempotencyKey is the key each was stored with (null for none).
// :param organisationId => "org-bank"
// Returns: measurements (list of {keyResultId, value, observedAt, source, idempotencyKey}), checkIns (list of {objectiveId, createdAt, author, confidence, issues, plan, idempotencyKey, values}), retrospectives (list of {objectiveId, teamId, cycleId, kind, createdAt, author, attractors, detractors, learnings, surprises, changes, idempotencyKey})
MATCH (org:Organisation {id: $organisationId})
RETURN
  COLLECT { MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)-[:HAS_MEASUREMENT]->(m:Measurement)
            WHERE NOT EXISTS { (:CheckIn)-[:RECORDED]->(m) }
              AND NOT (m.source = "plan:current" AND m.id = k.currentMeasurementId)
            RETURN {keyResultId: k.id, value: m.value, observedAt: toString(m.observedAt), source: m.source,
                    idempotencyKey: m.idempotencyKey} } AS measurements,
  COLLECT { MATCH (org)<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective)-[:HAS_CHECK_IN]->(c:CheckIn)
            RETURN {objectiveId: o.id, createdAt: toString(c.createdAt), author: c.author, confidence: c.confidence,
                    issues: coalesce(c.issues, []), plan: c.plan, idempotencyKey: c.idempotencyKey,
                    values: [(c)-[:RECORDED]->(m:Measurement)<-[:HAS_MEASUREMENT]-(k:KeyResult) |
                             {keyResultId: k.id, value: m.value, observedAt: toString(m.observedAt)}]} } AS checkIns,
  COLLECT { MATCH (org)<-[:BELONGS_TO]-(t:Team)
            CALL (t) {
              MATCH (t)-[:HAS_RETROSPECTIVE]->(r:Retrospective)
              RETURN t AS subject, r
              UNION
              MATCH (t)<-[:OWNED_BY]-(o:Objective)-[:HAS_RETROSPECTIVE]->(r:Retrospective)
              RETURN o AS subject, r
            }
            MATCH (r)-[:IN_CYCLE]->(c:Cycle)
            RETURN {objectiveId: CASE WHEN subject:Objective THEN subject.id END,
                    teamId: CASE WHEN subject:Team THEN subject.id END, cycleId: c.id, kind: r.kind,
                    createdAt: toString(r.createdAt), author: r.author, attractors: r.attractors,
                    detractors: r.detractors, learnings: r.learnings, surprises: r.surprises,
                    changes: r.changes, idempotencyKey: r.idempotencyKey} } AS retrospectives
