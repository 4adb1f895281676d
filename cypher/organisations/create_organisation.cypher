// Create an organisation (a null vision stores no property).
// :param id => "org-example"
// :param name => "Example Bank"
// :param vision => "Banking that fits in a pocket"
// Returns: organisation (map: id, name, vision)
CREATE (o:Organisation {id: $id, name: $name, vision: $vision})
RETURN o {.id, .name, .vision} AS organisation
