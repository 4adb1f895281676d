// The priorities each given objective supports, ordered by id.
// :param ids => ["obj-digital-first-week"]
// Returns: key (the objective's id), priority (map: id, title, description, cycleId)
UNWIND $ids AS id
MATCH (:Objective {id: id})-[:SUPPORTS]->(p:Priority)-[:IN_CYCLE]->(c:Cycle)
RETURN id AS key, p {.id, .title, .description, cycleId: c.id} AS priority
ORDER BY p.id
