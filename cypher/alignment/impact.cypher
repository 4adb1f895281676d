// Impact: the objectives and priorities put at risk if a key result or objective slips.
// From the given node it walks upward (key result -> its objective, objective -CONTRIBUTES_TO-> parent objective
// or key result, strategic objective -SUPPORTS-> priority) and across dependencies (whatever DEPENDS_ON a node on
// the way is at risk too, and the walk continues upward from it), as far as it goes.
// Every CONTRIBUTES_TO edge is followed, also alignment-only ones (countsTowardProgress false): the parent
// goal still relies on the work even when it does not count toward its progress number.
// Read one row per impacted goal: distance is the fewest hops from the given node; throughDependency is true
// when the goal is reached only through a DEPENDS_ON edge (another team's goal), false when it sits above the
// node in its own alignment chain.
// :param id => "kr-identity-instant-verification"
// Returns: kind (PRIORITY, STRATEGIC_OBJECTIVE, TEAM_OBJECTIVE), id, title, tier, ownerId, ownerName, distance,
//   throughDependency
CALL () {
  MATCH (o:Objective {id: $id}) RETURN o AS start
  UNION
  MATCH (k:KeyResult {id: $id}) RETURN k AS start
}
CALL (start) {
  // Upward along the alignment chain only.
  MATCH path = SHORTEST 1 (start)
        ((a)-[r:CONTRIBUTES_TO|SUPPORTS|HAS_KEY_RESULT]-(b)
         WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN endNode(r) = a ELSE startNode(r) = a END)+
        (goal:Objective|Priority)
  RETURN goal, length(path) AS hops, false AS viaDependency
  UNION ALL
  // Upward, and back along DEPENDS_ON to whoever depends on a node on the way.
  MATCH path = SHORTEST 1 (start)
        ((a)-[r:CONTRIBUTES_TO|SUPPORTS|HAS_KEY_RESULT|DEPENDS_ON]-(b)
         WHERE CASE type(r) WHEN "CONTRIBUTES_TO" THEN startNode(r) = a WHEN "SUPPORTS" THEN startNode(r) = a
                            ELSE endNode(r) = a END)+
        (goal:Objective|Priority)
  RETURN goal, length(path) AS hops, true AS viaDependency
}
// false sorts before true, so min() is false whenever the alignment chain alone reaches the goal.
WITH start, goal, min(hops) AS distance, min(viaDependency) AS throughDependency
WHERE goal <> start
OPTIONAL MATCH (goal)-[:OWNED_BY]->(owner:Team)
RETURN CASE WHEN goal:Priority THEN "PRIORITY" WHEN goal.tier = "STRATEGIC" THEN "STRATEGIC_OBJECTIVE"
            ELSE "TEAM_OBJECTIVE" END AS kind,
       goal.id AS id, goal.title AS title, goal.tier AS tier, owner.id AS ownerId, owner.name AS ownerName,
       distance, throughDependency
ORDER BY distance, kind, id
