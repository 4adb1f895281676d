// Roll-up: the objectives whose progress counts toward an objective, recursively, with each one's share.
// Follows CONTRIBUTES_TO edges that count toward progress (countsTowardProgress true, the default) into the
// objective or into one of its key results (a contribution to a key result counts toward that KR's objective),
// then on down from each contributor. Only live contributors count (@live, cypher/fragments/live.cypher: never
// an archived objective, nor anything that counts only through one), as in every alignment question.
// Read the first row (depth 0, parentId null) as the objective itself. Every other row is one contribution
// edge: childId contributes to parentId (through viaKeyResultId when that is set) with weight; share is the
// child's part of that parent: weight / sum of the weights of all counting contributions to the same parent
// when parentMethod is MEAN, the weight itself when it is SUM. ownProgress is the child's own progress (the
// weighted mean of its key results' progress on $valuesOn: their values on that past day, from history, with
// @value_on and @progress_on; null: today's stored progress) and childMethod how its own contributions roll up.
// Shares and ownProgress are per edge: the recursive rolled-up total is computed by the service
// (graph/alignment/rollup.py) and shown by the GraphQL field `rollup`.
// :param objectiveId => "obj-digital-first-week"
// :param valuesOn => date("2026-02-15")
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: depth, parentId, parentMethod, viaKeyResultId, childId, childTitle, ownerId, ownerName, weight, share,
//   ownProgress, childMethod
MATCH (root:Objective {id: $objectiveId})
WHERE ($org IS NULL OR root.organisationId = $org)
// Each objective in the counting subtree (the objective itself at depth 0), at its smallest depth in contribution
// edges. Contributions form close to a tree, so walking every downward path is cheap.
MATCH path = (root)
      ((a)-[r:HAS_KEY_RESULT|CONTRIBUTES_TO]-(b)
       WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN startNode(r) = a
                          ELSE endNode(r) = a AND coalesce(r.countsTowardProgress, true) END
         AND @live(b)){0,16}
      (parent:Objective)
WITH parent, min(size([r IN relationships(path) WHERE type(r) = "CONTRIBUTES_TO"])) AS parentDepth
CALL (parent, parentDepth) {
  WITH parent WHERE parentDepth = 0
  RETURN 0 AS depth, null AS parentId, null AS parentMethod, null AS viaKeyResultId, parent AS child,
         null AS weight, null AS share
  UNION ALL
  CALL (parent) {
    MATCH (parent)<-[c:CONTRIBUTES_TO]-(child:Objective)
    WHERE coalesce(c.countsTowardProgress, true) AND @live(child)
    RETURN c, child, null AS viaKeyResultId
    UNION ALL
    MATCH (parent)-[:HAS_KEY_RESULT]->(k:KeyResult)<-[c:CONTRIBUTES_TO]-(child:Objective)
    WHERE coalesce(c.countsTowardProgress, true) AND @live(child)
    RETURN c, child, k.id AS viaKeyResultId
  }
  WITH parent, collect({child: child, via: viaKeyResultId, weight: coalesce(c.weight, 1.0)}) AS edges
  WITH parent, edges, reduce(total = 0.0, e IN edges | total + e.weight) AS totalWeight,
       coalesce(parent.rollup, "MEAN") AS method
  UNWIND edges AS e
  RETURN parentDepth + 1 AS depth, parent.id AS parentId, method AS parentMethod, e.via AS viaKeyResultId,
         e.child AS child, e.weight AS weight,
         CASE method WHEN "SUM" THEN e.weight ELSE e.weight / totalWeight END AS share
}
OPTIONAL MATCH (child)-[:OWNED_BY]->(owner:Team)
CALL (child) {
  OPTIONAL MATCH (child)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WITH k, @value_on(k, $valuesOn) AS value
  WITH k, @progress_on(k, $valuesOn, value) AS progress
  WHERE progress IS NOT NULL
  // Summed in key result id order, so the same numbers always give the same last digit (and the digit
  // graph/alignment/history.py's own progress gives).
  WITH k, progress ORDER BY k.id
  WITH sum(k.weight) AS weights, sum(progress * k.weight) AS weighted
  RETURN CASE WHEN weights > 0 THEN weighted / weights END AS ownProgress
}
RETURN depth, parentId, parentMethod, viaKeyResultId, child.id AS childId, child.title AS childTitle,
       owner.id AS ownerId, owner.name AS ownerName, weight, share, ownProgress,
       coalesce(child.rollup, "MEAN") AS childMethod
ORDER BY depth, parentId, childId, viaKeyResultId
