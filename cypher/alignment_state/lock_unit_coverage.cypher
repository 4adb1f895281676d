// Lock the maintained coverage rows of the given homes (alignment_state/write_unit_coverage) before they are
// recomputed: two writes that change the same home's objectives then recount one after the other, the second
// reading what the first wrote. Rows are locked in home id order (the caller sorts the ids).
// :param ids => ["bu-digital"]
// Returns: locked (how many rows)
UNWIND $ids AS homeId
MATCH (row:UnitCoverage {unitId: homeId})
SET row.unitId = row.unitId
RETURN count(row) AS locked
