// Record a plan's past retrospectives of objectives or teams in their cycle, each with its own time, author
// and idempotency key. An END retrospective scores each key result of its objective (or of its team's
// objectives in the cycle, archived ones left out) with the key result's progress and current value now.
// :param rows => [{objectiveId: "obj-identity-q1", teamId: null, cycleId: "cycle-2026-q1", retrospective: {id: "retro-plan-example", kind: "MID_CYCLE", attractors: ["Instant checks pass"], detractors: [], learnings: [], surprises: [], changes: [], author: "Priya Shah (Identity)", createdAt: datetime("2026-02-13T15:00:00Z"), idempotencyKey: "plan:retro-example"}}]
// Returns: created (how many retrospectives were created)
UNWIND $rows AS row
OPTIONAL MATCH (o:Objective {id: row.objectiveId})
OPTIONAL MATCH (t:Team {id: row.teamId})
WITH row, o, t, coalesce(o, t) AS subject
WHERE subject IS NOT NULL
MATCH (c:Cycle {id: row.cycleId})
CREATE (subject)-[:HAS_RETROSPECTIVE]->(r:Retrospective:Keyed)-[:IN_CYCLE]->(c)
SET r = row.retrospective
WITH r, c, o, t
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
RETURN count(r) AS created
