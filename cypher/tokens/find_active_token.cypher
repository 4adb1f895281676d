// The active (not revoked) API token whose secret hashes to $hash; no row when none matches.
// The API runs this for every request that carries `Authorization: Bearer <token>`.
// :param hash => "0000000000000000000000000000000000000000000000000000000000000000"
// Returns: token (map: id, name, scopes, teamIds, createdAt, revokedAt, organisationId, allOrganisations)
MATCH (t:ApiToken {hash: $hash})
WHERE t.revokedAt IS NULL
RETURN t {.id, .name, .scopes, .teamIds, .createdAt, .revokedAt, .organisationId, .allOrganisations} AS token
