// The links that start at one organisation's objectives or key results: contributions, supports and
// dependencies, and the initiatives advancing its key results.
// :param organisationId => "org-bank"
// Returns: contributions (list of {childId, parentId, weight, countsTowardProgress}), supports (list of {objectiveId, priorityId}), dependencies (list of {fromId, toId, note}), advances (list of {initiativeId, keyResultId})
MATCH (:Organisation {id: $organisationId})<-[:BELONGS_TO]-(:Team)<-[:OWNED_BY]-(o:Objective)
OPTIONAL MATCH (o)-[:HAS_KEY_RESULT]->(k:KeyResult)
WITH collect(DISTINCT o) AS objectives, collect(DISTINCT k) AS keyResults
RETURN
  COLLECT { UNWIND objectives AS o MATCH (o)-[r:CONTRIBUTES_TO]->(parent)
            RETURN {childId: o.id, parentId: parent.id, weight: coalesce(r.weight, 1.0),
                    countsTowardProgress: coalesce(r.countsTowardProgress, true)} } AS contributions,
  COLLECT { UNWIND objectives AS o MATCH (o)-[:SUPPORTS]->(p:Priority)
            RETURN {objectiveId: o.id, priorityId: p.id} } AS supports,
  COLLECT { UNWIND objectives + keyResults AS source MATCH (source)-[r:DEPENDS_ON]->(target)
            RETURN {fromId: source.id, toId: target.id, note: r.note} } AS dependencies,
  COLLECT { UNWIND keyResults AS k MATCH (i:Initiative)-[:ADVANCES]->(k)
            RETURN {initiativeId: i.id, keyResultId: k.id} } AS advances
