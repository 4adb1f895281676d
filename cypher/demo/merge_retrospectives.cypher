// Create or update the demo's retrospectives by id, of an objective or a team, in their cycle. An END
// retrospective scores each key result of its objective (or of its team's objectives in the cycle) with
// the key result's progress and current value as the demo sets them. Re-running changes nothing.
// :param rows => [{id: "retro-identity-q1-mid", objectiveId: "obj-identity-q1", teamId: null, cycleId: "cycle-2026-q1", kind: "MID_CYCLE", attractors: ["Instant checks pass 95% of the time on recent phones"], detractors: ["The vendor's SDK update slipped to April"], learnings: [], surprises: [], changes: ["Plan a second scanning vendor"], author: "Priya Shah (Identity)", createdAt: datetime("2026-02-13T15:00:00Z"), idempotencyKey: "demo:retro-identity-q1-mid"}]
// Returns: merged (how many retrospectives were merged; rows whose subject or cycle is missing are skipped)
UNWIND $rows AS row
OPTIONAL MATCH (o:Objective {id: row.objectiveId})
OPTIONAL MATCH (t:Team {id: row.teamId})
WITH row, o, t, coalesce(o, t) AS subject
WHERE subject IS NOT NULL
MATCH (c:Cycle {id: row.cycleId})
MERGE (r:Retrospective {id: row.id})
SET r:Keyed, r.kind = row.kind, r.attractors = row.attractors, r.detractors = row.detractors,
    r.learnings = row.learnings, r.surprises = row.surprises, r.changes = row.changes,
    r.author = row.author, r.createdAt = row.createdAt, r.idempotencyKey = row.idempotencyKey
MERGE (subject)-[:HAS_RETROSPECTIVE]->(r)
MERGE (r)-[:IN_CYCLE]->(c)
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
  MERGE (r)-[s:SCORED]->(k)
  SET s.score = k.progress, s.value = k.current
}
RETURN count(r) AS merged
