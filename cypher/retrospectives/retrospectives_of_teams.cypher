// Each team's own retrospectives (not its objectives'), newest first, optionally only those of one cycle.
// :param ids => ["team-discover", "team-identity"]
// :param cycleId => "cycle-2026-q1"
// Returns: key (the team's id), retrospective (map: id, kind, attractors, detractors, learnings, surprises, changes, author, createdAt, idempotencyKey, cycleId, objectiveId (null), teamId, scores: list of {keyResultId, score, value})
UNWIND $ids AS id
MATCH (subject:Team {id: id})-[:HAS_RETROSPECTIVE]->(r:Retrospective)-[:IN_CYCLE]->(c:Cycle)
WHERE $cycleId IS NULL OR c.id = $cycleId
RETURN id AS key, r {.id, .kind, .attractors, .detractors, .learnings, .surprises, .changes, .author, .createdAt,
          .idempotencyKey, cycleId: c.id,
          objectiveId: CASE WHEN subject:Objective THEN subject.id END,
          teamId: CASE WHEN subject:Team THEN subject.id END,
          scores: [(r)-[s:SCORED]->(k:KeyResult) | {keyResultId: k.id, score: s.score, value: s.value}]} AS retrospective
ORDER BY key, r.createdAt DESC, r.id DESC
