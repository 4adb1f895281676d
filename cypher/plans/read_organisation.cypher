// One organisation's own fields, as a plan file writes them.
// :param organisationId => "org-bank"
// Returns: organisation (map: id, name, vision, objectiveLimit), or no row when there is no such organisation
MATCH (org:Organisation {id: $organisationId})
RETURN org {.id, .name, .vision, .objectiveLimit} AS organisation
