// Every API token, newest first, revoked ones included (their revokedAt is set). Secrets are never stored.
// Returns: token (map: id, name, scopes, teamIds, createdAt, revokedAt, organisationId, allOrganisations)
MATCH (t:ApiToken)
RETURN t {.id, .name, .scopes, .teamIds, .createdAt, .revokedAt, .organisationId, .allOrganisations} AS token
ORDER BY t.createdAt DESC, t.id
