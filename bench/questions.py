"""The questions the benchmark times: each a GraphQL document and the named Cypher its field runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.alignment.dependencies import LOW_CONFIDENCE, TOLERANCE
from graph.core.history import values_on


@dataclass(frozen=True)
class Picks:
    """Ids picked deterministically from the loaded graph (cypher/synthetic/sample_ids.cypher)."""

    quarter_id: str
    year_id: str
    priority_id: str
    strategic_objective_id: str
    team_objective_id: str
    business_unit_id: str
    team_id: str


@dataclass(frozen=True)
class Question:
    """One question: the GraphQL a client sends, and the named Cypher its field runs, with their inputs."""

    label: str
    graphql: str
    variables: Callable[[Picks], dict[str, Any]]
    cypher: tuple[str, ...]  # the named queries the field runs (concurrently when several)
    params: Callable[[Picks], dict[str, Any]]
    target_ms: float | None  # the GraphQL p50 to pass; None: no latency target
    judged: bool = True  # whether the targets apply (the p50 above and the p50 ratio <= MAX_RATIO)


# The p50 targets (ms) on this 2-core machine; every judged question must also keep GraphQL/Cypher <= 1.5.
MAX_RATIO = 1.5
ORPHANS = """query($y: ID!) { orphanedObjectives(cycleId: $y, first: 100) {
  pageInfo { hasNextPage endCursor } nodes { reason parentIds objective { id title tier confidence } } } }"""
AT_RISK = """query($y: ID!, $asOf: Date!) { crossTeamDependencies(cycleId: $y, atRiskOnly: true, asOf: $asOf, first: 100) {
  pageInfo { hasNextPage endCursor }
  nodes { note expectedProgress riskReasons from { id title progress confidence } to { id title progress confidence } } } }"""
COVERAGE = """query($y: ID!) { alignmentCoverage(cycleId: $y) {
  units { unit { id name } teamObjectives aligned orphaned alignedShare teamsWithoutObjectives { id } }
  priorities { priority { id title } strategicObjectives teamObjectives teams } } }"""
TREE = """query($p: ID!) { alignmentTree(rootId: $p, depth: 2) {
  edges { depth parentId via weight child { id kind title progress } } } }"""
AS_OF = "2026-05-15"  # mid-Q2 of the synthetic year


def _cycle(p: Picks) -> dict[str, Any]:
    return {"cycleId": p.year_id}


QUESTIONS: list[Question] = [
    Question(
        "orphaned objectives: first 100, whole org",
        ORPHANS,
        lambda p: {"y": p.year_id},
        ("alignment/orphaned_objectives",),
        lambda p: {"cycleId": p.year_id, "unitId": None, "after": None, "first": 100},
        150.0,
    ),
    Question(
        "at-risk dependencies: first 100, whole org",
        AT_RISK,
        lambda p: {"y": p.year_id, "asOf": AS_OF},
        ("alignment/cross_team_dependencies",),
        lambda p: {
            "cycleId": p.year_id,
            "teamId": None,
            "atRiskOnly": True,
            "asOf": dt.date.fromisoformat(AS_OF),
            "valuesOn": values_on(dt.date.fromisoformat(AS_OF)),
            "tolerance": TOLERANCE,
            "lowConfidence": LOW_CONFIDENCE,
            "afterFrom": None,
            "afterTo": None,
            "first": 100,
        },
        150.0,
    ),
    Question(
        "dependency loops between teams, whole org",
        "query($y: ID!) { dependencyLoops(cycleId: $y) { teams { id } } }",
        lambda p: {"y": p.year_id},
        ("alignment/team_dependency_loops",),
        _cycle,
        None,
    ),
    Question(
        "coverage per unit and per priority, whole org",
        COVERAGE,
        lambda p: {"y": p.year_id},
        ("alignment/coverage_by_unit", "alignment/coverage_by_priority"),
        _cycle,
        500.0,
    ),
    Question(
        "coverage per priority only",
        "query($y: ID!) { alignmentCoverage(cycleId: $y) { priorities { priority { id } teamObjectives teams } } }",
        lambda p: {"y": p.year_id},
        ("alignment/coverage_by_priority",),
        _cycle,
        None,
    ),
    Question(
        "unsupported strategy, whole org",
        "query($y: ID!) { unsupportedStrategy(cycleId: $y) { priorities { reason priority { id } } objectives { id } } }",
        lambda p: {"y": p.year_id},
        ("alignment/unsupported_strategy",),
        _cycle,
        None,
    ),
    Question(
        "alignment tree from one priority, depth 2 (the default)",
        TREE,
        lambda p: {"p": p.priority_id},
        ("alignment/alignment_tree",),
        lambda p: {"rootId": p.priority_id, "depth": 2, "valuesOn": None},
        200.0,
    ),
    Question(
        "path to strategy of one team objective",
        "query($o: ID!) { pathToStrategy(objectiveId: $o) { steps { id kind title } } }",
        lambda p: {"o": p.team_objective_id},
        ("alignment/path_to_strategy",),
        lambda p: {"objectiveId": p.team_objective_id},
        None,
    ),
    Question(
        "impact of one team objective",
        "query($o: ID!) { impact(id: $o) { priorities { id distance } strategicObjectives { id distance throughDependency }"
        " teamObjectives { id ownerName distance throughDependency } } }",
        lambda p: {"o": p.team_objective_id},
        ("alignment/impact",),
        lambda p: {"id": p.team_objective_id},
        None,
    ),
    Question(
        "roll-up of the most contributed-to strategic objective",
        "query($o: ID!) { rollup(objectiveId: $o) { ownProgress rolledUpProgress"
        " contributions { depth parentId childId weight share ownProgress rolledUpProgress } } }",
        lambda p: {"o": p.strategic_objective_id},
        ("alignment/rollup",),
        lambda p: {"objectiveId": p.strategic_objective_id, "valuesOn": None},
        None,
    ),
    Question(
        "objectives: first 100 TEAM of a quarter (with progress and owner)",
        "query($q: ID!) { objectives(cycleId: $q, tier: TEAM, first: 100) { nodes { id title progress owner { name } } } }",
        lambda p: {"q": p.quarter_id},
        ("objectives/list_objectives",),
        lambda p: {
            "cycleId": p.quarter_id,
            "teamId": None,
            "includeSubCycles": True,
            "tier": "TEAM",
            "status": None,
            "after": None,
            "first": 100,
        },
        None,
        judged=False,
    ),
]
