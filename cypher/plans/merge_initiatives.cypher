// Create or update initiatives (backlog work, often an epic in an outside tracker) by id, as a plan gives them.
// :param rows => [{id: "init-instant-id", title: "Instant ID verification with document scanning", url: "https://tracker.example.com/EPIC-12", status: "IN_PROGRESS", organisationId: "org-bank"}]
// Returns: merged (how many rows were merged)
UNWIND $rows AS row
MERGE (i:Initiative {id: row.id})
SET i:Keyed, i.title = row.title, i.url = row.url, i.status = row.status, i.organisationId = row.organisationId
RETURN count(i) AS merged
