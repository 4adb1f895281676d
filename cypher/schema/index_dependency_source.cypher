// Index the sources of dependencies (the maintained :DependencySource label on an objective or key result with
// a DEPENDS_ON) by id, so alignment/cross_team_dependencies reads them in id order and stops when its page is full.
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX dependency_source_id IF NOT EXISTS FOR (n:DependencySource) ON (n.id)
