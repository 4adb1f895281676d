// Change an organisation's name, vision and/or objectiveLimit (a null value removes the property).
// :param id => "org-bank"
// :param changes => {vision: "The bank people recommend to friends"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: organisation (map: id, name, vision, objectiveLimit), or no row when the organisation does not exist.
MATCH (o:Organisation {id: $id})
WHERE $org IS NULL OR o.id = $org
SET o += $changes
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
