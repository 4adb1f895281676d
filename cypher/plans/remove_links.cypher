// Remove links a plan no longer has (import --prune): contributions, supports, dependencies and advances,
// each named by its type and its two ends. Links have no history of their own; their ends stay.
// :param rows => [{type: "dependencies", fromId: "obj-discover-q1", toId: "kr-identity-instant-verification"}]
// Returns: removed (how many links were removed)
UNWIND $rows AS row
OPTIONAL MATCH (fo:Objective {id: row.fromId})
OPTIONAL MATCH (fk:KeyResult {id: row.fromId})
OPTIONAL MATCH (fi:Initiative {id: row.fromId})
WITH row, coalesce(fo, fk, fi) AS source
MATCH (source)-[r]->(target)
WHERE target.id = row.toId
  AND ((row.type = "contributions" AND type(r) = "CONTRIBUTES_TO")
   OR (row.type = "supports" AND type(r) = "SUPPORTS")
   OR (row.type = "dependencies" AND type(r) = "DEPENDS_ON")
   OR (row.type = "advances" AND type(r) = "ADVANCES"))
DELETE r
RETURN count(r) AS removed
