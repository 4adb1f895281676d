// Delete up to `limit` nodes whose id starts with a prefix, with their edges, and the maintained coverage rows
// and loop candidates (:UnitCoverage, :DependencyLoop, which have no id) of organisations whose id starts with it; repeat until it deletes none.
// :param prefix => "syn-"
// :param limit => 5000
// Returns: deleted (how many nodes this batch deleted)
MATCH (n)
WHERE n.id STARTS WITH $prefix OR ((n:UnitCoverage OR n:DependencyLoop) AND n.organisationId STARTS WITH $prefix)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
