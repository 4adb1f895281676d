// Create an initiative in an organisation (a null url stores no property).
// :param id => "init-example"
// :param title => "Selfie-based identity check"
// :param url => "https://tracker.example.com/browse/ONB-42"
// :param status => "PLANNED"
// :param organisationId => "org-bank"
// Returns: initiative (map: id, title, url, status, organisationId)
CREATE (i:Initiative:Keyed {id: $id, title: $title, url: $url, status: $status, organisationId: $organisationId})
RETURN i {.id, .title, .url, .status, .organisationId} AS initiative
