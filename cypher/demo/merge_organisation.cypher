// Create or update organisations by id; re-running with the same rows changes nothing.
// :param rows => [{id: "org-bank", name: "Example Bank", vision: "Banking anyone can start in minutes and rely on every day."}]
// Returns: merged (how many rows were merged)
UNWIND $rows AS row
MERGE (org:Organisation {id: row.id})
SET org:Keyed, org.name = row.name, org.vision = row.vision
RETURN count(org) AS merged
