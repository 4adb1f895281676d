// Dependency loops between teams: teams that wait on each other, so none can finish first.
// Team A depends on team B when an objective of A, or one of its key results, DEPENDS_ON an objective or key
// result of B; both objectives must be in $cycleId (or a cycle within it). Finds loops of two teams
// (A -> B -> A) and three teams (A -> B -> C -> A); each loop is listed once, starting at its smallest team id.
// :param cycleId => "cycle-2026-q1"
// Returns: teams (list of team maps: id, name, kind, parentId, organisationId; in loop order), length; shortest loops first, then by team ids
MATCH (c:Cycle {id: $cycleId})
CALL (c) {
  MATCH (a:Team)<-[:OWNED_BY]-(ao:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(bo:Objective)-[:OWNED_BY]->(b:Team)
  WHERE a.id < b.id
    AND EXISTS { (ao)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS { (bo)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS {
      MATCH (b)<-[:OWNED_BY]-(bo2:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
            <-[:HAS_KEY_RESULT*0..1]-(ao2:Objective)-[:OWNED_BY]->(a)
      WHERE EXISTS { (ao2)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
        AND EXISTS { (bo2)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    }
  RETURN DISTINCT [a, b] AS loop
  UNION
  MATCH (a:Team)<-[:OWNED_BY]-(ao:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(bo:Objective)-[:OWNED_BY]->(b:Team)
  WHERE a.id < b.id
    AND EXISTS { (ao)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS { (bo)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
  WITH DISTINCT c, a, b
  MATCH (b)<-[:OWNED_BY]-(bo:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
        <-[:HAS_KEY_RESULT*0..1]-(co:Objective)-[:OWNED_BY]->(t:Team)
  WHERE a.id < t.id
    AND EXISTS { (bo)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
    AND EXISTS { (co)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
  WITH DISTINCT c, a, b, t
  WHERE EXISTS {
    MATCH (t)<-[:OWNED_BY]-(to:Objective)-[:HAS_KEY_RESULT*0..1]->()-[:DEPENDS_ON]->()
          <-[:HAS_KEY_RESULT*0..1]-(ao:Objective)-[:OWNED_BY]->(a)
    WHERE EXISTS { (to)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
      AND EXISTS { (ao)-[:IN_CYCLE]->(:Cycle)-[:WITHIN*0..]->(c) }
  }
  RETURN DISTINCT [a, b, t] AS loop
}
RETURN [team IN loop | team {.id, .name, .kind,
                              parentId: [(team)-[:PART_OF]->(parent:Team) | parent.id][0],
                              organisationId: [(team)-[:BELONGS_TO]->(org:Organisation) | org.id][0]}] AS teams,
       size(loop) AS length
ORDER BY length, [team IN loop | team.id]
