// Change an organisation's name and/or vision (a null value removes the property).
// :param id => "org-bank"
// :param changes => {vision: "The bank people recommend to friends"}
// Returns: organisation (map: id, name, vision), or no row when the organisation does not exist.
MATCH (o:Organisation {id: $id})
SET o += $changes
RETURN o {.id, .name, .vision} AS organisation
