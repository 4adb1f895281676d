// Alignment tree, one level: the children of each given parent, as alignment/alignment_tree lists them.
// The API (graph/alignment/tree.py) walks the tree level by level with it, from the root down to $depth, and
// keeps each node's children at the smallest depth the node is reached: its cost is the edges of the tree it
// returns, whatever the shape below (alignment/alignment_tree, for analysts, searches every path at once).
// Downward means: priority <-SUPPORTS- strategic objective <-CONTRIBUTES_TO- objective (directly or via one of
// its key results), objective -HAS_KEY_RESULT-> key result <-ADVANCES- initiative; live children only (@live).
// depth is the level of the children ($depth, returned as given); progress, weight and countsTowardProgress as
// in alignment/alignment_tree, on $valuesOn (null: today's stored progress).
// :param parentIds => ["prio-onboarding"]
// :param depth => 1
// :param valuesOn => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: depth, parentId, children (list of maps: childId, childKind (PRIORITY, OBJECTIVE, KEY_RESULT,
//   INITIATIVE), via (edge type), weight, countsTowardProgress, title, tier, status, ownerId, ownerName, progress, confidence)
UNWIND $parentIds AS parentId
CALL (parentId) {
  MATCH (p:Priority {id: parentId}) WHERE ($org IS NULL OR p.organisationId = $org) RETURN p AS parent
  UNION
  MATCH (o:Objective {id: parentId}) WHERE ($org IS NULL OR o.organisationId = $org) RETURN o AS parent
  UNION
  MATCH (k:KeyResult {id: parentId}) WHERE ($org IS NULL OR k.organisationId = $org) RETURN k AS parent
}
CALL (parent) {
  MATCH (parent)<-[edge:SUPPORTS|CONTRIBUTES_TO|ADVANCES]-(child)
  WHERE @live(child)
  RETURN edge, child
  UNION ALL
  MATCH (parent)-[edge:HAS_KEY_RESULT]->(child)
  WHERE @live(child)
  RETURN edge, child
}
WITH $depth AS depth, edge, child
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
