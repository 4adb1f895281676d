// Organisations by id. Ids that match nothing are left out.
// :param ids => ["org-bank"]
// Returns: organisation (map: id, name, vision)
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
RETURN o {.id, .name, .vision} AS organisation
