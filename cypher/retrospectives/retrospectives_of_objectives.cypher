// Each objective's retrospectives, newest first, with the final KR scores of END ones.
// :param ids => ["obj-identity-q1", "obj-discover-q1"]
// Returns: key (the objective's id), retrospective (map: id, kind, attractors, detractors, learnings, surprises, changes, author, createdAt, idempotencyKey, cycleId, objectiveId, teamId (null), scores: list of {keyResultId, score, value})
UNWIND $ids AS id
MATCH (subject:Objective {id: id})-[:HAS_RETROSPECTIVE]->(r:Retrospective)-[:IN_CYCLE]->(c:Cycle)
RETURN id AS key, r {.id, .kind, .attractors, .detractors, .learnings, .surprises, .changes, .author, .createdAt,
          .idempotencyKey, cycleId: c.id,
          objectiveId: CASE WHEN subject:Objective THEN subject.id END,
          teamId: CASE WHEN subject:Team THEN subject.id END,
          scores: [(r)-[s:SCORED]->(k:KeyResult) | {keyResultId: k.id, score: s.score, value: s.value}]} AS retrospective
ORDER BY key, r.createdAt DESC, r.id DESC
