// Record a retrospective of an objective or a team in a cycle. An END retrospective also records the final
// score of each key result: its progress (0..1) and current value at this moment, on a SCORED edge. For a
// team, that is every key result of the team's objectives in the cycle (archived ones left out).
// :param objectiveId => "obj-identity-q1"
// :param teamId => null
// :param cycleId => "cycle-2026-q1"
// :param retrospective => {id: "retro-example", kind: "END", attractors: ["Guided setup shipped early"], detractors: ["The SDK vendor slipped"], learnings: [], surprises: [], changes: ["Agree vendor dates before committing a KR"], author: "Priya Shah (Identity)", createdAt: datetime("2026-03-30T15:00:00Z"), idempotencyKey: null}
// Returns: retrospective (map: id, kind, attractors, detractors, learnings, surprises, changes, author, createdAt, idempotencyKey, cycleId, objectiveId or teamId, scores: list of {keyResultId, score, value})
OPTIONAL MATCH (o:Objective {id: $objectiveId})
OPTIONAL MATCH (t:Team {id: $teamId})
WITH coalesce(o, t) AS subject, o, t
MATCH (c:Cycle {id: $cycleId})
CREATE (subject)-[:HAS_RETROSPECTIVE]->(r:Retrospective:Keyed)-[:IN_CYCLE]->(c)
SET r = $retrospective
WITH subject, r, c, o, t
CALL (r, c, o, t) {
  WITH r, c, o, t
  WHERE r.kind = "END"
  CALL (c, o, t) {
    WITH o
    WHERE o IS NOT NULL
    RETURN o AS scored
    UNION
    WITH c, t
    MATCH (t)<-[:OWNED_BY]-(scored:Objective)-[:IN_CYCLE]->(c)
    WHERE scored.status <> "ARCHIVED"
    RETURN scored
  }
  MATCH (scored)-[:HAS_KEY_RESULT]->(k:KeyResult)
  CREATE (r)-[:SCORED {score: k.progress, value: k.current}]->(k)
}
RETURN r {.id, .kind, .attractors, .detractors, .learnings, .surprises, .changes, .author, .createdAt,
          .idempotencyKey, cycleId: c.id,
          objectiveId: CASE WHEN subject:Objective THEN subject.id END,
          teamId: CASE WHEN subject:Team THEN subject.id END,
          scores: [(r)-[s:SCORED]->(k:KeyResult) | {keyResultId: k.id, score: s.score, value: s.value}]} AS retrospective
