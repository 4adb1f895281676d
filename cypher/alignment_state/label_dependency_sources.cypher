// Give the :DependencySource label to every objective or key result of an organisation that a DEPENDS_ON starts
// from, and take it from those no dependency starts from any more: alignment/cross_team_dependencies reads the
// sources by this label in id order. The writes that add a dependency set it; the alignment rebuild (`aligngraph
// alignment rebuild`, the seeds) runs this for data written by other tools.
// :param organisationId => "org-bank"
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: sources (how many carry the label)
CALL () {
  MATCH (n:DependencySource {organisationId: $organisationId})
  WHERE ($org IS NULL OR n.organisationId = $org) AND NOT EXISTS { (n)-[:DEPENDS_ON]->() }
  REMOVE n:DependencySource
}
CALL () {
  MATCH (n:Objective {organisationId: $organisationId})
  WHERE ($org IS NULL OR n.organisationId = $org) AND EXISTS { (n)-[:DEPENDS_ON]->() }
  RETURN n
  UNION
  MATCH (n:KeyResult {organisationId: $organisationId})
  WHERE ($org IS NULL OR n.organisationId = $org) AND EXISTS { (n)-[:DEPENDS_ON]->() }
  RETURN n
}
SET n:DependencySource
RETURN count(n) AS sources
