// How many objects lack the :Keyed label (written before ids were unique across kinds, or by another tool):
// nodes of the refetchable kinds minus :Keyed nodes. Each count comes from Neo4j's count store, so this is
// cheap enough to ask at every start-up.
// Parameters: none.
// Returns: unkeyed (0 when every object has the label)
CALL () { MATCH (n:Keyed) RETURN count(n) AS keyed }
CALL () { MATCH (n:Organisation) RETURN count(n) AS organisations }
CALL () { MATCH (n:Team) RETURN count(n) AS teams }
CALL () { MATCH (n:Cycle) RETURN count(n) AS cycles }
CALL () { MATCH (n:Priority) RETURN count(n) AS priorities }
CALL () { MATCH (n:Objective) RETURN count(n) AS objectives }
CALL () { MATCH (n:KeyResult) RETURN count(n) AS keyResults }
CALL () { MATCH (n:Initiative) RETURN count(n) AS initiatives }
CALL () { MATCH (n:CheckIn) RETURN count(n) AS checkIns }
CALL () { MATCH (n:Retrospective) RETURN count(n) AS retrospectives }
CALL () { MATCH (n:Measurement) RETURN count(n) AS measurements }
RETURN organisations + teams + cycles + priorities + objectives + keyResults + initiatives + checkIns
       + retrospectives + measurements - keyed AS unkeyed
