// The key results that pushed values name, by id or by externalKey, locked and read for the push:
// 1. find them (ids and keys that match nothing are left out);
// 2. take each one's write lock, in id order, so that concurrent pushes to the same key result run one after
//    the other (writing a dummy property takes the lock, held until the transaction ends; the property is gone
//    again). Key results the push will refuse (archived, another team's) are locked too: it only makes other
//    writers of those wait for this transaction;
// 3. under the locks, read what the push needs: the fields progress is computed from, which key results belong
//    to an archived objective, their externalKeys, and the owner team with every unit above it when $withUnits
//    is true (a push token restricted to a unit may push to the teams beneath it).
// The stored idempotency keys are read by measurements/find_idempotency_keys: in this query, which writes, the
// index lookups would take locks (10,000 keys cost ~100 ms more), and the unique constraint on the key already
// stops a concurrent push from storing it twice. One row of lists: the driver pays per record and per value.
// :param ids => ["kr-discover-completion", "kr-nope"]
// :param externalKeys => ["amplitude:onboarding_completion"]
// :param withUnits => true
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResults (list of [id, kind, direction, baseline, target, done], one per key result found), archived (ids of those whose objective is ARCHIVED), externalKeys (list of [externalKey, keyResultId]), ownerUnitIds (list of [keyResultId, [team and unit ids]]; empty unless $withUnits)
CALL () {
  UNWIND $ids AS id
  MATCH (k:KeyResult {id: id})
  RETURN k
  UNION
  UNWIND $externalKeys AS key
  MATCH (k:KeyResult {externalKey: key})
  RETURN k
}
WITH k
WHERE ($org IS NULL OR k.organisationId = $org)
ORDER BY k.id
SET k._LOCK_ = true
REMOVE k._LOCK_
WITH collect(k) AS locked
CALL (locked) {
  // Read after every lock is held, so no concurrent edit can slip in between.
  UNWIND locked AS k
  MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k)
  RETURN collect([k.id, k.kind, k.direction, k.baseline, k.target, k.done]) AS keyResults,
         collect(CASE WHEN o.status = "ARCHIVED" THEN k.id END) AS archived,
         collect(CASE WHEN k.externalKey IS NOT NULL THEN [k.externalKey, k.id] END) AS externalKeys,
         collect(CASE WHEN $withUnits THEN [k.id, [(o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(u:Team) | u.id]] END)
           AS ownerUnitIds
}
RETURN keyResults, archived, externalKeys, ownerUnitIds
