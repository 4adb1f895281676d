// Delete up to `limit` nodes whose id starts with a prefix, with their edges; repeat until it deletes none.
// :param prefix => "syn-"
// :param limit => 5000
// Returns: deleted (how many nodes this batch deleted)
MATCH (n)
WHERE n.id STARTS WITH $prefix
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
