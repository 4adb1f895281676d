// Create or update initiatives (backlog work, usually an epic in an outside tracker) by id.
// :param rows => [{id: "init-instant-id", title: "Instant ID verification with document scanning", url: "https://tracker.example.com/EPIC-12", status: "IN_PROGRESS"}]
// Returns: merged (how many rows were merged)
UNWIND $rows AS row
MERGE (i:Initiative {id: row.id})
SET i.title = row.title, i.url = row.url, i.status = row.status
RETURN count(i) AS merged
