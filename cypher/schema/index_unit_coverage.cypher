// Index the maintained coverage rows (:UnitCoverage) by home and cycle, so a write finds the rows it
// recomputes (alignment_state/write_unit_coverage).
// Idempotent. Parameters: none. Returns: nothing.
CREATE INDEX unit_coverage_unit_cycle IF NOT EXISTS FOR (n:UnitCoverage) ON (n.unitId, n.cycleId)
