// Which kind of object each id names (an id names at most one object of any kind: the :Keyed constraint).
// Every organisation's objects: node(id:) then loads each through its own kind's by-id query, which leaves
// out other organisations' objects, so what a caller may see is decided in one place per kind.
// :param ids => ["obj-discover-q1", "team-discover", "no-such-id"]
// Returns: id, kind ("Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult", "Initiative",
// "CheckIn", "Retrospective" or "Measurement"); ids naming nothing have no row
UNWIND $ids AS wanted
MATCH (n:Keyed {id: wanted})
RETURN n.id AS id,
       [label IN labels(n) WHERE label IN ["Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult",
                                           "Initiative", "CheckIn", "Retrospective", "Measurement"]][0] AS kind
