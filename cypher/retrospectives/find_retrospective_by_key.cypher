// The retrospective stored under an idempotency key: one sent again with the same key returns this one.
// :param idempotencyKey => "demo:obj-identity-q1:mid-cycle"
// Returns: retrospective (map: id, kind, attractors, detractors, learnings, surprises, changes, author, createdAt, idempotencyKey, cycleId, objectiveId or teamId, scores: list of {keyResultId, score, value}); no row when the key is new
MATCH (subject)-[:HAS_RETROSPECTIVE]->(r:Retrospective {idempotencyKey: $idempotencyKey})-[:IN_CYCLE]->(c:Cycle)
RETURN r {.id, .kind, .attractors, .detractors, .learnings, .surprises, .changes, .author, .createdAt,
          .idempotencyKey, cycleId: c.id,
          objectiveId: CASE WHEN subject:Objective THEN subject.id END,
          teamId: CASE WHEN subject:Team THEN subject.id END,
          scores: [(r)-[s:SCORED]->(k:KeyResult) | {keyResultId: k.id, score: s.score, value: s.value}]} AS retrospective
