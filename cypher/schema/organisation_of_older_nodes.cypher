// Give the organisation to nodes stored before every node had one (organisationId), so older databases keep
// working once the API keeps organisations apart. Idempotent: only nodes without organisationId change.
// Teams take their BELONGS_TO organisation, objectives their owner's, key results their objective's;
// cycles, priorities and initiatives the only organisation, when there is exactly one. (With several
// organisations, give those by hand: an org-bound token does not see a node without organisationId.)
// Parameters: none. Returns: nothing.
CALL () {
  MATCH (t:Team)-[:BELONGS_TO]->(org:Organisation)
  WHERE t.organisationId IS NULL
  SET t.organisationId = org.id
}
CALL () {
  MATCH (o:Objective)-[:OWNED_BY]->(t:Team)
  WHERE o.organisationId IS NULL AND t.organisationId IS NOT NULL
  SET o.organisationId = t.organisationId
}
CALL () {
  MATCH (o:Objective)-[:HAS_KEY_RESULT]->(k:KeyResult)
  WHERE k.organisationId IS NULL AND o.organisationId IS NOT NULL
  SET k.organisationId = o.organisationId
}
CALL () {
  MATCH (org:Organisation)
  WITH collect(org.id) AS organisations
  WHERE size(organisations) = 1
  MATCH (n:Cycle)
  WHERE n.organisationId IS NULL
  SET n.organisationId = organisations[0]
}
CALL () {
  MATCH (org:Organisation)
  WITH collect(org.id) AS organisations
  WHERE size(organisations) = 1
  MATCH (n:Priority)
  WHERE n.organisationId IS NULL
  SET n.organisationId = organisations[0]
}
CALL () {
  MATCH (org:Organisation)
  WITH collect(org.id) AS organisations
  WHERE size(organisations) = 1
  MATCH (n:Initiative)
  WHERE n.organisationId IS NULL
  SET n.organisationId = organisations[0]
}
