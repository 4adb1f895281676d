// How many initiatives there are.
// Returns: total
MATCH (i:Initiative)
RETURN count(i) AS total
