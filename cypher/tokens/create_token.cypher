// Store a new API token, for one organisation (organisationId) or, with allOrganisations, for every one. Only the SHA-256 hash of its secret is kept; the secret is shown once, at creation.
// :param id => "tok-example"
// :param name => "amplitude sync"
// :param hash => "0000000000000000000000000000000000000000000000000000000000000000"
// :param scopes => ["push"]
// :param teamIds => ["team-discover"]
// :param organisationId => "org-bank"
// :param allOrganisations => false
// Returns: token (map: id, name, scopes, teamIds, createdAt, revokedAt, organisationId, allOrganisations)
CREATE (t:ApiToken {
  id: $id, name: $name, hash: $hash, scopes: $scopes, teamIds: $teamIds, createdAt: datetime(),
  organisationId: $organisationId, allOrganisations: $allOrganisations
})
RETURN t {.id, .name, .scopes, .teamIds, .createdAt, .revokedAt, .organisationId, .allOrganisations} AS token
