// The objectives that contribute to a key result: their alignment changes when it is deleted.
// :param id => "kr-digital-drop-off"
// Returns: id
MATCH (:KeyResult {id: $id})<-[:CONTRIBUTES_TO]-(o:Objective)
RETURN o.id AS id
ORDER BY id
