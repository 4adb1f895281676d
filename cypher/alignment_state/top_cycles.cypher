// The cycles of an organisation that sit within no other (its years): every dependency loop a question can show
// lies within one of them, so the from-scratch loop candidates are the loops of each.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: id
MATCH (c:Cycle {organisationId: $organisationId})
WHERE ($org IS NULL OR c.organisationId = $org) AND NOT EXISTS { (c)-[:WITHIN]->(:Cycle) }
RETURN c.id AS id
ORDER BY id
