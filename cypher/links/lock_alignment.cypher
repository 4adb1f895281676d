// Take the organisation's write lock before checking a new CONTRIBUTES_TO link for loops, so that two links
// made at the same time (A -> B and B -> A) are checked one after the other and cannot both pass.
// The lock is a write of the organisation's alignmentChanges counter; it is held until the transaction ends.
// :param id => "obj-discover-q1"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: organisationId (no row when the objective does not exist)
MATCH (:Objective {id: $id})-[:OWNED_BY]->(:Team)-[:BELONGS_TO]->(org:Organisation)
WHERE $org IS NULL OR org.id = $org
SET org.alignmentChanges = coalesce(org.alignmentChanges, 0) + 1
RETURN org.id AS organisationId
