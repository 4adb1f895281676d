// Retrospectives by id (node(id:) refetching one), with the final KR scores of END ones. Ids that match
// nothing, or a retrospective of another organisation's objective or team, are left out.
// :param ids => ["retro-identity-q1-mid"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: retrospective (map: id, kind, attractors, detractors, learnings, surprises, changes, author, createdAt, idempotencyKey, cycleId, objectiveId or teamId, scores: list of {keyResultId, score, value})
UNWIND $ids AS id
MATCH (subject)-[:HAS_RETROSPECTIVE]->(r:Retrospective {id: id})-[:IN_CYCLE]->(c:Cycle)
WHERE (subject:Objective OR subject:Team) AND ($org IS NULL OR subject.organisationId = $org)
RETURN r {.id, .kind, .attractors, .detractors, .learnings, .surprises, .changes, .author, .createdAt,
          .idempotencyKey, cycleId: c.id,
          objectiveId: CASE WHEN subject:Objective THEN subject.id END,
          teamId: CASE WHEN subject:Team THEN subject.id END,
          scores: [(r)-[s:SCORED]->(k:KeyResult) | {keyResultId: k.id, score: s.score, value: s.value}]} AS retrospective
