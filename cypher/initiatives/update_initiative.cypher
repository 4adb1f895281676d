// Change an initiative's title, url and/or status (a null url removes it).
// :param id => "init-instant-id"
// :param changes => {status: "IN_PROGRESS"}
// Returns: initiative (map: id, title, url, status), or no row when the initiative does not exist.
MATCH (i:Initiative {id: $id})
SET i += $changes
RETURN i {.id, .title, .url, .status} AS initiative
