// The key results that pushed values name, by id or by externalKey: which exist, which belong to an archived
// objective, the externalKey of each, and, when $withUnits is true, the owner team with every unit above it
// (a push token restricted to a unit may push to the teams beneath it; an unrestricted push skips that walk).
// Ids and keys that match nothing are left out. One row of flat lists: the driver pays per record and per
// value it converts, so 10,000 key results come back as a few lists, mostly of strings.
// :param ids => ["kr-discover-completion", "kr-nope"]
// :param externalKeys => ["amplitude:onboarding_completion"]
// :param withUnits => true
// Returns: keyResultIds (every key result found), archived (ids of those whose objective is ARCHIVED), externalKeys (list of [externalKey, keyResultId] of those that have one), ownerUnitIds (list of [keyResultId, [team and unit ids]]; empty unless $withUnits)
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
RETURN collect(k.id) AS keyResultIds,
       collect(CASE WHEN o.status = "ARCHIVED" THEN k.id END) AS archived,
       collect(CASE WHEN k.externalKey IS NOT NULL THEN [k.externalKey, k.id] END) AS externalKeys,
       collect(CASE WHEN $withUnits THEN [k.id, [(o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(u:Team) | u.id]] END)
         AS ownerUnitIds
