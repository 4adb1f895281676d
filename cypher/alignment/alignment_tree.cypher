// Alignment tree: what sits below a priority or an objective, down to key results and initiatives.
// Downward means: priority <-SUPPORTS- strategic objective <-CONTRIBUTES_TO- objective (directly or via one of
// its key results), objective -HAS_KEY_RESULT-> key result <-ADVANCES- initiative.
// Read it as a list of edges: the first row (depth 0, parentId null) is the root itself; every other row is one
// edge from parentId down to childId, at the smallest depth the edge is reached (at most $depth). A node under
// two parents appears under both. progress is a key result's stored progress, or an objective's weighted mean
// of its key results' progress; weight and countsTowardProgress are set on CONTRIBUTES_TO edges only.
// :param rootId => "prio-onboarding"
// :param depth => 4
// Returns: depth, parentId, childId, childKind (PRIORITY, OBJECTIVE, KEY_RESULT, INITIATIVE), via (edge type),
//   weight, countsTowardProgress, title, tier, status, ownerId, ownerName, progress, confidence
CALL () {
  MATCH (p:Priority {id: $rootId}) RETURN p AS root
  UNION
  MATCH (o:Objective {id: $rootId}) RETURN o AS root
}
CALL (root) {
  RETURN 0 AS depth, null AS edge, root AS child
  UNION ALL
  // Alignment is close to a tree, so walking every downward path is cheap; keep each edge once, at its
  // smallest depth.
  MATCH path = (root)
        ((a)-[r:SUPPORTS|CONTRIBUTES_TO|HAS_KEY_RESULT|ADVANCES]-(b)
         WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN startNode(r) = a ELSE endNode(r) = a END){1,8}
        (child)
  WHERE length(path) <= $depth
  WITH last(relationships(path)) AS edge, child, min(length(path)) AS depth
  RETURN depth, edge, child
}
OPTIONAL MATCH (child)-[:OWNED_BY]->(owner:Team)
CALL (child) {
  OPTIONAL MATCH (child)-[:HAS_KEY_RESULT]->(k:KeyResult) WHERE k.progress IS NOT NULL
  WITH sum(k.weight) AS weights, sum(k.progress * k.weight) AS weighted
  RETURN CASE WHEN weights > 0 THEN weighted / weights END AS objectiveProgress
}
WITH depth, edge, child, owner, objectiveProgress,
     CASE type(edge) WHEN "HAS_KEY_RESULT" THEN startNode(edge) ELSE endNode(edge) END AS parent
RETURN depth, parent.id AS parentId, child.id AS childId,
       CASE WHEN child:Priority THEN "PRIORITY" WHEN child:Objective THEN "OBJECTIVE"
            WHEN child:KeyResult THEN "KEY_RESULT" ELSE "INITIATIVE" END AS childKind,
       type(edge) AS via,
       CASE type(edge) WHEN "CONTRIBUTES_TO" THEN coalesce(edge.weight, 1.0) END AS weight,
       CASE type(edge) WHEN "CONTRIBUTES_TO" THEN coalesce(edge.countsTowardProgress, true) END AS countsTowardProgress,
       child.title AS title, child.tier AS tier, child.status AS status, owner.id AS ownerId, owner.name AS ownerName,
       CASE WHEN child:KeyResult THEN child.progress ELSE objectiveProgress END AS progress,
       child.confidence AS confidence
ORDER BY depth, parentId, childId
