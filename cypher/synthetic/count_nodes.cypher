// How many nodes of each label have an id starting with a prefix (the synthetic organisation's is "syn-").
// :param prefix => "syn-"
// Returns: one row with Organisation, Team, Cycle, Priority, Objective, KeyResult, Initiative (counts)
RETURN COUNT { MATCH (n:Organisation) WHERE n.id STARTS WITH $prefix } AS Organisation,
       COUNT { MATCH (n:Team) WHERE n.id STARTS WITH $prefix } AS Team,
       COUNT { MATCH (n:Cycle) WHERE n.id STARTS WITH $prefix } AS Cycle,
       COUNT { MATCH (n:Priority) WHERE n.id STARTS WITH $prefix } AS Priority,
       COUNT { MATCH (n:Objective) WHERE n.id STARTS WITH $prefix } AS Objective,
       COUNT { MATCH (n:KeyResult) WHERE n.id STARTS WITH $prefix } AS KeyResult,
       COUNT { MATCH (n:Initiative) WHERE n.id STARTS WITH $prefix } AS Initiative
