// Delete an organisation's dependency loop candidates (:DependencyLoop) before they are recomputed from scratch.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: deleted
MATCH (candidate:DependencyLoop {organisationId: $organisationId})
WHERE $org IS NULL OR candidate.organisationId = $org
DELETE candidate
RETURN count(*) AS deleted
