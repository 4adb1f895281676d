// The key results that pushed values name, by id or by externalKey, with their objective's status and the
// owner team with every unit above it (a push token restricted to a unit may push to the teams beneath it).
// Ids and keys that match nothing are left out.
// :param ids => ["kr-discover-completion", "kr-nope"]
// :param externalKeys => ["amplitude:onboarding_completion"]
// Returns: keyResultId, externalKey, objectiveStatus, ownerUnitIds (one row per key result found)
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
RETURN k.id AS keyResultId, k.externalKey AS externalKey, o.status AS objectiveStatus,
       [(o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(u:Team) | u.id] AS ownerUnitIds
UNION
UNWIND $externalKeys AS key
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {externalKey: key})
RETURN k.id AS keyResultId, k.externalKey AS externalKey, o.status AS objectiveStatus,
       [(o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(u:Team) | u.id] AS ownerUnitIds
