// Covers: the cycle `outer` contains the cycle `inner` (a year contains itself and its quarters). Strategy
// serves an objective only when the strategy's cycle covers the objective's: a chain that reaches only last
// year's strategy leaves the objective orphaned (PARENT_OUTSIDE_CYCLE), and pathToStrategy shows no path.
// Used as @covers(strategyCycle, objectiveCycle); in Python it is graph/core/models.py's Cycle.covers.
// :arg outer
// :arg inner
outer.startDate <= inner.startDate AND outer.endDate >= inner.endDate
