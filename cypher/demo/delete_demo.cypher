// Delete the demo organisation, for `aligngraph seed demo --reset`: the organisations named, their teams and
// every objective those teams own (the demo's and any added since, e.g. by the README's mutations or a carry-over),
// the demo's cycles, priorities, objectives, key results and initiatives by id, and what hangs off any of them:
// key results of those objectives, and every measurement, check-in, retrospective and initiative attached.
// API tokens and every other organisation's nodes stay.
// :param organisationIds => ["org-bank"]
// :param ids => ["cycle-2026-q1", "prio-onboarding", "obj-discover-q1", "kr-discover-completion", "init-guided-setup"]
// Returns: deleted (how many nodes were deleted)
OPTIONAL MATCH (org:Organisation) WHERE org.id IN $organisationIds
OPTIONAL MATCH (team:Team)-[:BELONGS_TO]->(org)
OPTIONAL MATCH (owned:Objective)-[:OWNED_BY]->(team)
WITH collect(DISTINCT org) + collect(DISTINCT team) + collect(DISTINCT owned) AS reached
OPTIONAL MATCH (named:Cycle|Priority|Objective|KeyResult|Initiative) WHERE named.id IN $ids
WITH reached, collect(DISTINCT named) AS named
WITH reached + named AS core
UNWIND core AS node
OPTIONAL MATCH (node)-[:HAS_KEY_RESULT]->(kr:KeyResult)
WITH core, collect(DISTINCT kr) AS keyResults
UNWIND core + keyResults AS node
OPTIONAL MATCH (node)--(attached:Measurement|CheckIn|Retrospective|Initiative)
WITH core, keyResults, collect(DISTINCT attached) AS attached
WITH core + keyResults + attached AS doomed
UNWIND doomed AS victim
WITH DISTINCT victim
DETACH DELETE victim
RETURN count(victim) AS deleted
