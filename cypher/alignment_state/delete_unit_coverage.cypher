// Delete maintained coverage rows (:UnitCoverage, see alignment_state/write_unit_coverage): those of a home that
// is gone ($unitId), of a cycle that is gone ($cycleId), or all of an organisation's before a rebuild
// ($organisationId; null with one of the others).
// :param organisationId => "org-bank"
// :param unitId => null
// :param cycleId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: deleted (how many rows)
MATCH (row:UnitCoverage)
WHERE ($org IS NULL OR row.organisationId = $org)
  AND ($organisationId IS NULL OR row.organisationId = $organisationId)
  AND ($unitId IS NULL OR row.unitId = $unitId) AND ($cycleId IS NULL OR row.cycleId = $cycleId)
DELETE row
RETURN count(*) AS deleted
