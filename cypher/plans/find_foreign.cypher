// Which of a plan's new ids another object already holds, so the plan must not take them: one of the same kind
// in another organisation, or one of another kind in any organisation (an id names one object of any kind:
// the :Keyed constraint). Each id comes with the kinds the plan would write it as (a unit id as a Team, an
// objective or key result id as either, since links name either): one index seek per id.
// :param organisationId => "org-other"
// :param items => [{id: "team-discover", kinds: ["Team"]}, {id: "kr-discover-completion", kinds: ["Objective", "KeyResult"]}, {id: "cycle-2026", kinds: ["Priority"]}]
// Returns: id, kind (the holder's: "Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult", "Initiative", "CheckIn", "Retrospective" or "Measurement"), organisationId (the holder's)
UNWIND $items AS item
MATCH (n:Keyed {id: item.id})
WITH item, n,
     [label IN labels(n) WHERE label IN ["Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult",
                                         "Initiative", "CheckIn", "Retrospective", "Measurement"]][0] AS kind,
     CASE WHEN n:Organisation THEN n.id ELSE n.organisationId END AS organisationId
WHERE NOT kind IN item.kinds OR organisationId <> $organisationId
RETURN item.id AS id, kind, organisationId
