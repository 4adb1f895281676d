// How many nodes of each label the graph holds (all of them, not only the demo's).
// Parameters: none.
// Returns: one row with Organisation, Team, Cycle, Priority, Objective, KeyResult, Initiative, CheckIn, Measurement, Retrospective (counts)
RETURN COUNT { (:Organisation) } AS Organisation,
       COUNT { (:Team) } AS Team,
       COUNT { (:Cycle) } AS Cycle,
       COUNT { (:Priority) } AS Priority,
       COUNT { (:Objective) } AS Objective,
       COUNT { (:KeyResult) } AS KeyResult,
       COUNT { (:Initiative) } AS Initiative,
       COUNT { (:CheckIn) } AS CheckIn,
       COUNT { (:Measurement) } AS Measurement,
       COUNT { (:Retrospective) } AS Retrospective
