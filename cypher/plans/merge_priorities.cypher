// Create or update strategic priorities by id, as a plan gives them, each in exactly one cycle.
// :param rows => [{id: "prio-onboarding", title: "Simplify onboarding for new customers", description: "Open an account in minutes.", cycleId: "cycle-2026"}]
// Returns: merged (how many rows were merged; rows whose cycle is missing are skipped)
UNWIND $rows AS row
MATCH (c:Cycle {id: row.cycleId})
MERGE (p:Priority {id: row.id})
SET p:Keyed, p.title = row.title, p.description = row.description, p.organisationId = c.organisationId
MERGE (p)-[:IN_CYCLE]->(c)
WITH p, c
CALL (p, c) {
  MATCH (p)-[stale:IN_CYCLE]->(other:Cycle)
  WHERE other <> c
  DELETE stale
}
RETURN count(p) AS merged
