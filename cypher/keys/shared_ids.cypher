// Which ids are held by objects of more than one kind (possible only in data written before ids were unique
// across kinds): `aligngraph schema apply` lists them and stops before changing anything, since the :Keyed
// constraint cannot hold until each is renamed or deleted. Reads every object of the refetchable kinds.
// :param limit => 100
// Returns: id, holders (list of {kind, organisationId}), at most $limit rows in id order
MATCH (n:Organisation|Team|Cycle|Priority|Objective|KeyResult|Initiative|CheckIn|Retrospective|Measurement)
WITH n.id AS id,
     collect({kind: [label IN labels(n) WHERE label IN ["Organisation", "Team", "Cycle", "Priority", "Objective",
                                                         "KeyResult", "Initiative", "CheckIn", "Retrospective",
                                                         "Measurement"]][0],
              organisationId: CASE WHEN n:Organisation THEN n.id ELSE n.organisationId END}) AS holders
WHERE size(holders) > 1
RETURN id, holders
ORDER BY id
LIMIT $limit
