// Index the maintained dependency loop candidates (:DependencyLoop) by organisation: alignment/team_dependency_loops
// reads one organisation's.
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX dependency_loop_organisation IF NOT EXISTS FOR (n:DependencyLoop) ON (n.organisationId)
