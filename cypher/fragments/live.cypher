// Live for alignment: whether an alignment question or report may count a node, or walk through it.
// An objective is live unless it is ARCHIVED (DRAFT, ACTIVE and COMPLETED ones are live); a key result, which
// has no status, is live. Every alignment question (orphans, unsupported strategy, coverage, path to strategy,
// impact, roll-up and so the leadership report) and the health checks use it as @live(x); in Python it is
// graph/core/models.py's ObjectiveStatus.live, and tests/alignment/test_live.py checks the two agree.
// :arg node
coalesce(node.status, "ACTIVE") <> "ARCHIVED"
