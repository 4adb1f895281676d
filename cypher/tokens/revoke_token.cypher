// Revoke an API token: it stops working at once (the API may cache a token for a few seconds, see README).
// Revoking twice keeps the first revocation time. No row when the id names no token.
// :param id => "tok-example"
// Returns: token (map: id, name, scopes, teamIds, createdAt, revokedAt, organisationId, allOrganisations)
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime())
RETURN t {.id, .name, .scopes, .teamIds, .createdAt, .revokedAt, .organisationId, .allOrganisations} AS token
