// The objective or team a retrospective is for, locked for this transaction (so two END retrospectives of
// one subject cannot slip in side by side), with the cycle it is held in and how many END retrospectives
// the subject already has there. An objective's retrospective is held in the objective's cycle.
// :param objectiveId => "obj-identity-q1"
// :param teamId => null
// :param cycleId => null
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: subjectId, status (the objective's; null for a team), objectiveCycleId, cycleId (null when no such cycle), ends; no row when the objective or team does not exist
OPTIONAL MATCH (o:Objective {id: $objectiveId})-[:IN_CYCLE]->(oc:Cycle)
OPTIONAL MATCH (t:Team {id: $teamId})
WITH coalesce(o, t) AS subject, o, oc
WHERE subject IS NOT NULL AND ($org IS NULL OR subject.organisationId = $org)
SET subject._LOCK_ = true
REMOVE subject._LOCK_
WITH subject, o, oc
OPTIONAL MATCH (c:Cycle {id: coalesce($cycleId, oc.id), organisationId: subject.organisationId})
RETURN subject.id AS subjectId, o.status AS status, oc.id AS objectiveCycleId, c.id AS cycleId,
       COUNT { (subject)-[:HAS_RETROSPECTIVE]->(:Retrospective {kind: "END"})-[:IN_CYCLE]->(c) } AS ends
