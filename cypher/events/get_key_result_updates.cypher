// The committed state of changed key results, as live subscribers (`keyResultUpdated`) receive it: the key
// result's current value and progress, its objective, the team that owns the objective, and that team with
// every unit above it (a subscriber to a business unit hears about the teams beneath it).
// Ids that match nothing (a key result deleted meanwhile) are left out.
// :param ids => ["kr-discover-completion", "kr-sre-availability"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: keyResultId, objectiveId, teamId, unitIds (the owner team and every unit above it), current, progress, lastObservedAt, organisationId
UNWIND $ids AS id
MATCH (t:Team)<-[:OWNED_BY]-(o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult {id: id})
WHERE ($org IS NULL OR k.organisationId = $org)
RETURN k.id AS keyResultId, o.id AS objectiveId, t.id AS teamId,
       [(t)-[:PART_OF*0..]->(up:Team) | up.id] AS unitIds,
       k.current AS current, k.progress AS progress, k.lastObservedAt AS lastObservedAt,
       k.organisationId AS organisationId
