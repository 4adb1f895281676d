// Remove the DEPENDS_ON edge between two objectives or key results, if there is one.
// :param fromId => "obj-discover-q1"
// :param toId => "kr-identity-instant-verification"
// Returns: removed (0 or 1)
OPTIONAL MATCH (fo:Objective {id: $fromId})
OPTIONAL MATCH (fk:KeyResult {id: $fromId})
WITH coalesce(fo, fk) AS source
MATCH (source)-[r:DEPENDS_ON]->(target)
WHERE target.id = $toId
DELETE r
RETURN count(r) AS removed
