// Create or update one organisation by id, as a plan gives it.
// :param rows => [{id: "org-bank", name: "Example Bank", vision: "Banking anyone can start in minutes.", objectiveLimit: null}]
// Returns: merged (how many organisations were written)
UNWIND $rows AS row
MERGE (org:Organisation {id: row.id})
SET org:Keyed, org.name = row.name, org.vision = row.vision, org.objectiveLimit = row.objectiveLimit
RETURN count(org) AS merged
