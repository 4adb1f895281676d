// Every objective of an organisation, for the from-scratch alignment recomputation (`aligngraph alignment
// rebuild` and the tests' oracle): the same columns as alignment_state/read_objectives, with parents as ids.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id, live, tier, cycleId, supports (priority ids), parentIds (the objectives it contributes to,
//   directly or through one of their key results)
MATCH (o:Objective {organisationId: $organisationId})
WHERE ($org IS NULL OR o.organisationId = $org)
OPTIONAL MATCH (o)-[:IN_CYCLE]->(oc:Cycle)
RETURN o.id AS id, @live(o) AS live, o.tier AS tier, oc.id AS cycleId,
       [(o)-[:SUPPORTS]->(p:Priority) | p.id] AS supports,
       COLLECT {
         MATCH (o)-[:CONTRIBUTES_TO]->(target)
         OPTIONAL MATCH (owner:Objective)-[:HAS_KEY_RESULT]->(target)
         WITH DISTINCT coalesce(owner, target) AS parent
         WHERE parent:Objective
         RETURN parent.id
       } AS parentIds
ORDER BY id
