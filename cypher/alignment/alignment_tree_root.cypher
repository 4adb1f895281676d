// Alignment tree, its root: the first row of alignment/alignment_tree (depth 0, parentId null, the root itself as
// the only child), for the API's level-by-level walk (alignment/alignment_tree_level). No row: no such root.
// :param rootId => "prio-onboarding"
// :param valuesOn => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: depth, parentId, children (one map: childId, childKind, via, weight, countsTowardProgress, title, tier,
//   status, ownerId, ownerName, progress, confidence)
CALL () {
  MATCH (p:Priority {id: $rootId}) WHERE ($org IS NULL OR p.organisationId = $org) RETURN p AS child
  UNION
  MATCH (o:Objective {id: $rootId}) WHERE ($org IS NULL OR o.organisationId = $org) RETURN o AS child
}
WITH 0 AS depth, null AS edge, child
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
