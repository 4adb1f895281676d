// The first key results of one organisation by id, skipping those of archived objectives (a push to them is
// rejected): the key results the push benchmark writes values to.
// :param organisationId => "org-bank"
// :param limit => 10
// Returns: keyResultId (one row per key result, at most limit, in id order)
MATCH (org:Organisation {id: $organisationId})<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective)
      -[:HAS_KEY_RESULT]->(k:KeyResult)
WHERE o.status <> "ARCHIVED"
RETURN k.id AS keyResultId
ORDER BY keyResultId
LIMIT $limit
