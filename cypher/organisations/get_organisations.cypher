// Organisations by id. Ids that match nothing are left out.
// :param ids => ["org-bank"]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: organisation (map: id, name, vision, objectiveLimit)
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
WHERE $org IS NULL OR o.id = $org
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
