// Store a new API token. Only the SHA-256 hash of its secret is kept; the secret is shown once, at creation.
// :param id => "tok-example"
// :param name => "amplitude sync"
// :param hash => "0000000000000000000000000000000000000000000000000000000000000000"
// :param scopes => ["push"]
// :param teamIds => ["team-discover"]
// Returns: token (map: id, name, scopes, teamIds, createdAt, revokedAt)
CREATE (t:ApiToken {
  id: $id, name: $name, hash: $hash, scopes: $scopes, teamIds: $teamIds, createdAt: datetime()
})
RETURN t {.id, .name, .scopes, .teamIds, .createdAt, .revokedAt} AS token
