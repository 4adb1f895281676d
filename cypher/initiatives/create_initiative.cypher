// Create an initiative (a null url stores no property).
// :param id => "init-example"
// :param title => "Selfie-based identity check"
// :param url => "https://tracker.example.com/browse/ONB-42"
// :param status => "PLANNED"
// Returns: initiative (map: id, title, url, status)
CREATE (i:Initiative {id: $id, title: $title, url: $url, status: $status})
RETURN i {.id, .title, .url, .status} AS initiative
