// Impact: the objectives and priorities put at risk if a key result or objective slips.
// From the given node it walks upward (key result -> its objective, objective -CONTRIBUTES_TO-> parent objective
// or key result, strategic objective -SUPPORTS-> priority) and across dependencies (whatever DEPENDS_ON a node on
// the way is at risk too, and the walk continues upward from it), up to 16 hops.
// Every CONTRIBUTES_TO edge is followed, also alignment-only ones (countsTowardProgress false): the parent
// goal still relies on the work even when it does not count toward its progress number. The walk never goes
// through an archived objective (@live, cypher/fragments/live.cypher), as in every alignment question.
// Read one row per impacted goal: distance is the fewest hops from the given node; throughDependency is true
// when the goal is reached only through a DEPENDS_ON edge (another team's goal), false when it sits above the
// node in its own alignment chain.
// :param id => "kr-identity-instant-verification"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: kind (PRIORITY, STRATEGIC_OBJECTIVE, TEAM_OBJECTIVE), id, title, tier, ownerId, ownerName, distance,
//   throughDependency
CALL () {
  MATCH (o:Objective {id: $id}) WHERE ($org IS NULL OR o.organisationId = $org) RETURN o AS start
  UNION
  MATCH (k:KeyResult {id: $id}) WHERE ($org IS NULL OR k.organisationId = $org) RETURN k AS start
}
// Impact spreads along few edges (a goal has one or two parents and few dependants), so walking every path is
// cheap; every path to a goal is kept only to learn its fewest hops and whether any avoids DEPENDS_ON.
MATCH path = (start)
      ((a)-[r:CONTRIBUTES_TO|SUPPORTS|HAS_KEY_RESULT|DEPENDS_ON]-(b)
       WHERE CASE type(r) WHEN "CONTRIBUTES_TO" THEN startNode(r) = a WHEN "SUPPORTS" THEN startNode(r) = a
                          ELSE endNode(r) = a END
         AND @live(b)){1,16}
      (goal:Objective|Priority)
WHERE goal <> start
WITH goal, length(path) AS hops, any(r IN relationships(path) WHERE type(r) = "DEPENDS_ON") AS viaDependency
// false sorts before true, so min() is false whenever some path reaches the goal without a dependency.
WITH goal, min(hops) AS distance, min(viaDependency) AS throughDependency
OPTIONAL MATCH (goal)-[:OWNED_BY]->(owner:Team)
RETURN CASE WHEN goal:Priority THEN "PRIORITY" WHEN goal.tier = "STRATEGIC" THEN "STRATEGIC_OBJECTIVE"
            ELSE "TEAM_OBJECTIVE" END AS kind,
       goal.id AS id, goal.title AS title, goal.tier AS tier, owner.id AS ownerId, owner.name AS ownerName,
       distance, throughDependency
ORDER BY distance, kind, id
