// The objectives that SUPPORT a priority: their alignment, and everything below them, changes when it goes.
// :param id => "prio-onboarding"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id
MATCH (p:Priority {id: $id})<-[:SUPPORTS]-(o:Objective)
WHERE ($org IS NULL OR p.organisationId = $org)
RETURN o.id AS id
ORDER BY id
