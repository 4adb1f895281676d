// Store dependency loop candidates found from scratch (graph/planning/dependency_loops.py runs
// alignment/team_dependency_loops_full for each year and passes its loops here): one :DependencyLoop per loop,
// its teams in loop order starting at the smallest team id.
// :param organisationId => "org-bank"
// :param loops => [["team-identity", "team-sre"]]
// $org: the organisation asking; its nodes only (null: every organisation).
// :param org => "org-bank"
// Returns: loops (how many candidates the organisation holds)
UNWIND $loops AS teams
WITH teams WHERE $org IS NULL OR $org = $organisationId
MERGE (:DependencyLoop {organisationId: $organisationId, teams: teams})
RETURN count(*) AS loops
