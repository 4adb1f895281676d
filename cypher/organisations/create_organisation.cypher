// Create an organisation (a null vision or objectiveLimit stores no property).
// objectiveLimit: the most objectives a team should own in one cycle (null: the default, 3; see OKR health).
// :param id => "org-example"
// :param name => "Example Bank"
// :param vision => "Banking that fits in a pocket"
// :param objectiveLimit => 4
// Returns: organisation (map: id, name, vision, objectiveLimit)
CREATE (o:Organisation:Keyed {id: $id, name: $name, vision: $vision, objectiveLimit: $objectiveLimit})
RETURN o {.id, .name, .vision, .objectiveLimit} AS organisation
