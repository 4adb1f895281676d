// Path to strategy: every upward chain from an objective to a priority it serves. No row means the objective
// is orphaned. Upward means: objective -CONTRIBUTES_TO-> objective or key result, key result <-HAS_KEY_RESULT-
// its objective, strategic objective -SUPPORTS-> priority. Alignment-only contributions (countsTowardProgress
// false) count here too: the goal is still aligned. The same rule as alignment/orphaned_objectives: a chain never
// goes through an archived objective (@live, cypher/fragments/live.cypher), ends at a strategic objective whose
// cycle covers the objective's (@covers: a year covers its quarters), and an archived objective has no path.
// Read each row as one chain, from the objective itself (first step) to the priority (last step).
// Shortest chains come first, then chains in order of their ids.
// :param objectiveId => "obj-sre-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: steps (list of maps: id, kind (OBJECTIVE, KEY_RESULT, PRIORITY), title), priorityId
MATCH (o:Objective {id: $objectiveId})-[:IN_CYCLE]->(oc:Cycle)
WHERE @live(o) AND ($org IS NULL OR o.organisationId = $org)
MATCH path = (o)
      ((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT|SUPPORTS]-(b)
       WHERE CASE type(r) WHEN "HAS_KEY_RESULT" THEN endNode(r) = a ELSE startNode(r) = a END
         AND @live(b)){1,12}
      (priority:Priority)
WITH path, priority, nodes(path)[-2] AS strategy, oc
MATCH (strategy:Objective {tier: "STRATEGIC"})-[:IN_CYCLE]->(sc:Cycle)
WHERE @covers(sc, oc)
WITH path, priority, [n IN nodes(path) | n.id] AS ids
RETURN [n IN nodes(path) | {
          id: n.id,
          kind: CASE WHEN n:Priority THEN "PRIORITY" WHEN n:Objective THEN "OBJECTIVE" ELSE "KEY_RESULT" END,
          title: n.title}] AS steps,
       priority.id AS priorityId
ORDER BY size(ids), ids
