// How many organisations there are.
// Returns: total
MATCH (o:Organisation)
RETURN count(o) AS total
