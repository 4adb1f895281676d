// Archive objectives (status ARCHIVED): what a plan leaves out with --prune, and what it archives itself once
// their history is in. Nothing is deleted, so their history survives.
// :param ids => ["obj-care-q1"]
// Returns: archived (how many objectives were archived)
MATCH (o:Objective)
WHERE o.id IN $ids
SET o.status = "ARCHIVED"
RETURN count(o) AS archived
