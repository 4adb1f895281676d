// The key results that pushed values name, by id or by externalKey, with their objective's status and, when
// $withUnits is true, the owner team with every unit above it (a push token restricted to a unit may push to
// the teams beneath it; an unrestricted push skips that walk). Ids and keys that match nothing are left out.
// One row holding a list: the driver pays per record, so 10,000 key results come back as one list.
// :param ids => ["kr-discover-completion", "kr-nope"]
// :param externalKeys => ["amplitude:onboarding_completion"]
// :param withUnits => true
// Returns: keyResults (list of maps: keyResultId, externalKey, objectiveStatus, ownerUnitIds (null unless $withUnits)), one per key result found
CALL () {
  UNWIND $ids AS id
  MATCH (k:KeyResult {id: id})
  RETURN k
  UNION
  UNWIND $externalKeys AS key
  MATCH (k:KeyResult {externalKey: key})
  RETURN k
}
MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k)
RETURN collect({
  keyResultId: k.id,
  externalKey: k.externalKey,
  objectiveStatus: o.status,
  ownerUnitIds: CASE WHEN $withUnits THEN [(o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(u:Team) | u.id] END
}) AS keyResults
