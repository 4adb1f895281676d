// Organisations by id. Ids that match nothing are left out.
// :param ids => ["org-bank"]
// Returns: organisation (map: id, name, vision, objectiveLimit)
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
