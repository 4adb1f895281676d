// How many objectives alignment/orphaned_objectives lists for a cycle and unit (its totalCount), without reading
// their rows. Reads the maintained alignment state (the :Orphaned label, graph/planning/alignment_state.py), so it
// costs the orphans of the organisation, not all its objectives.
// :param cycleId => "cycle-2026-q1"
// :param unitId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: total
MATCH (c:Cycle {id: $cycleId})
WHERE ($org IS NULL OR c.organisationId = $org)
MATCH (oc:Cycle)-[:WITHIN*0..]->(c)
MATCH (o:Orphaned)-[:IN_CYCLE]->(oc)
WHERE $unitId IS NULL OR EXISTS { (o)-[:OWNED_BY]->(:Team)-[:PART_OF*0..]->(:Team {id: $unitId}) }
RETURN count(o) AS total
