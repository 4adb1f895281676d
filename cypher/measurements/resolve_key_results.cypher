// The key results that pushed values name, by id or by externalKey, with their objective's status.
// Ids and keys that match nothing are left out.
// :param ids => ["kr-discover-completion", "kr-nope"]
// :param externalKeys => ["amplitude:onboarding_completion"]
// Returns: keyResultId, externalKey, objectiveStatus (one row per key result found)
UNWIND $ids AS id
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
RETURN k.id AS keyResultId, k.externalKey AS externalKey, o.status AS objectiveStatus
UNION
UNWIND $externalKeys AS key
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {externalKey: key})
RETURN k.id AS keyResultId, k.externalKey AS externalKey, o.status AS objectiveStatus
