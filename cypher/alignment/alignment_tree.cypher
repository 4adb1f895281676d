// Alignment tree: what sits below a priority or an objective, down to key results and initiatives.
// Downward means: priority <-SUPPORTS- strategic objective <-CONTRIBUTES_TO- objective (directly or via one of
// its key results), objective -HAS_KEY_RESULT-> key result <-ADVANCES- initiative.
// One row per parent, with its children: the first row (depth 0, parentId null) holds the root itself; every
// other row lists the children of parentId reached at that depth (the smallest depth an edge is reached, at
// most $depth). A node under two parents appears under both. progress is a key result's progress, or an
// objective's weighted mean of its key results' progress, on $valuesOn (a past day: from the measurements
// observed by then, @value_on and @progress_on; null: today's stored progress); weight and countsTowardProgress are set on
// CONTRIBUTES_TO edges only. Below the root the tree holds live nodes only (@live, cypher/fragments/live.cypher):
// an archived objective, and what sits below only through it, is left out, as in every alignment question.
// The API walks the same tree level by level (alignment/alignment_tree_root, alignment_tree_level), so its cost
// is the tree it returns; this file answers it in one query for analysts, searching every downward path.
// (Rows are grouped by parent because thousands of small rows cost a client far more than a few rows holding lists.)
// :param rootId => "prio-onboarding"
// :param depth => 4
// :param valuesOn => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: depth, parentId, children (list of maps: childId, childKind (PRIORITY, OBJECTIVE, KEY_RESULT,
//   INITIATIVE), via (edge type), weight, countsTowardProgress, title, tier, status, ownerId, ownerName, progress, confidence)
CALL () {
  MATCH (p:Priority {id: $rootId}) WHERE ($org IS NULL OR p.organisationId = $org) RETURN p AS root
  UNION
  MATCH (o:Objective {id: $rootId}) WHERE ($org IS NULL OR o.organisationId = $org) RETURN o AS root
}
CALL (root) {
  RETURN 0 AS depth, null AS edge, root AS child
  UNION ALL
  // Alignment is close to a tree, so walking every downward path is cheap; keep each edge once, at its
  // smallest depth.
  MATCH path = (root)
        ((a)-[r:SUPPORTS|CONTRIBUTES_TO|HAS_KEY_RESULT|ADVANCES]-(b)
         WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN startNode(r) = a ELSE endNode(r) = a END
           AND @live(b)){1,8}
        (child)
  WHERE length(path) <= $depth
  WITH last(relationships(path)) AS edge, child, min(length(path)) AS depth
  RETURN depth, edge, child
}
OPTIONAL MATCH (child)-[:OWNED_BY]->(owner:Team)
CALL (child) {
  OPTIONAL MATCH (child)-[:HAS_KEY_RESULT*0..1]->(k:KeyResult)
  WITH k, @value_on(k, $valuesOn) AS value
  WITH k, @progress_on(k, $valuesOn, value) AS progress
  WHERE progress IS NOT NULL
  WITH sum(k.weight) AS weights, sum(progress * k.weight) AS weighted
  RETURN CASE WHEN weights > 0 THEN weighted / weights END AS objectiveProgress
}
WITH depth, edge, child, owner, objectiveProgress,
     CASE type(edge) WHEN "HAS_KEY_RESULT" THEN startNode(edge) ELSE endNode(edge) END AS parent
WITH depth, parent.id AS parentId, {childId: child.id,
       childKind: CASE WHEN child:Priority THEN "PRIORITY" WHEN child:Objective THEN "OBJECTIVE"
            WHEN child:KeyResult THEN "KEY_RESULT" ELSE "INITIATIVE" END,
       via: type(edge),
       weight: CASE type(edge) WHEN "CONTRIBUTES_TO" THEN coalesce(edge.weight, 1.0) END,
       countsTowardProgress: CASE type(edge) WHEN "CONTRIBUTES_TO" THEN coalesce(edge.countsTowardProgress, true) END,
       title: child.title, tier: child.tier, status: child.status, ownerId: owner.id, ownerName: owner.name,
       progress: CASE WHEN child:Objective OR child:KeyResult THEN objectiveProgress END,
       confidence: child.confidence} AS c
ORDER BY depth, parentId, c.childId
RETURN depth, parentId, collect(c) AS children
ORDER BY depth, parentId
