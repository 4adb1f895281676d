// Change an initiative's title, url and/or status (a null url removes it).
// :param id => "init-instant-id"
// :param changes => {status: "IN_PROGRESS"}
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: initiative (map: id, title, url, status), or no row when the initiative does not exist.
MATCH (i:Initiative {id: $id})
WHERE ($org IS NULL OR i.organisationId = $org)
SET i += $changes
RETURN i {.id, .title, .url, .status, .organisationId} AS initiative
