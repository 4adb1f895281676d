// One organisation's own fields, as a plan file writes them.
// :param organisationId => "org-bank"
// $org: the organisation asking (null: every organisation); another one is answered with no row.
// :param org => null
// Returns: organisation (map: id, name, vision, objectiveLimit), or no row when there is no such organisation
MATCH (org:Organisation {id: $organisationId})
WHERE $org IS NULL OR org.id = $org
RETURN org {.id, .name, .vision, .objectiveLimit} AS organisation
