// How many check-ins each objective has.
// :param ids => ["obj-identity-q1", "obj-discover-q1", "obj-payments-q1"]
// Returns: key (the objective's id), total
UNWIND $ids AS id
OPTIONAL MATCH (:Objective {id: id})-[:HAS_CHECK_IN]->(c:CheckIn)
RETURN id AS key, count(c) AS total
