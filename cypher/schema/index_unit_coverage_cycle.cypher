// Index the maintained coverage rows (:UnitCoverage) by organisation and cycle: coverage by unit and by
// priority read one cycle's rows of one organisation (alignment/coverage_by_unit, coverage_by_priority).
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX unit_coverage_cycle IF NOT EXISTS FOR (n:UnitCoverage) ON (n.organisationId, n.cycleId)
