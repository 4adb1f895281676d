// Give up to $batch objects of the refetchable kinds that lack it the :Keyed label (objects written before
// ids were unique across kinds); the caller repeats until none is left. The keyed_id constraint is already
// in place, so an id another kind holds fails the batch instead of being written twice.
// :param batch => 10000
// Returns: keyed (how many objects got the label; 0: none was left)
MATCH (n:Organisation|Team|Cycle|Priority|Objective|KeyResult|Initiative|CheckIn|Retrospective|Measurement)
WHERE NOT n:Keyed
WITH n
LIMIT $batch
SET n:Keyed
RETURN count(n) AS keyed
