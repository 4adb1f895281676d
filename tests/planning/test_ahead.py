"""Look-ahead loading (resolvers/planning/ahead.py) answers exactly what the DataLoaders answer, in fewer rounds.

Each document is sent twice over HTTP on the demo: with look-ahead (as served) and with it off (every nested
field through its DataLoader, as before it), and the answers must be equal. The round trips a request makes
are counted from the start and end of each named query it sends: a query that starts only after another ended
is one more round trip.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from graph.core.db import Database
from resolvers.planning import ahead
from tests.api.test_docs_snippets import GRAPHQL
from tests.conftest import GraphQL

KR = "id title current target"
# The peer comparison's documents (../shared/peer/bench_peer.py: a, b, c, c2), on the demo's ids.
PAGE_A = f'{{ objectives(cycleId: "cycle-2026-q1", tier: TEAM, first: 50) {{ nodes {{ id title owner {{ name }} keyResults {{ {KR} }} }} }} }}'
OBJECTIVE_B = f"""{{ objective(id: "obj-digital-first-week") {{ id title owner {{ id name }}
  keyResults {{ {KR} }}
  parents {{ weight parent {{ ... on Objective {{ id }} ... on KeyResult {{ id }} }} }}
  children {{ weight child {{ id title }} }} }} }}"""
TEAM_C = f'{{ team(id: "team-discover") {{ id name objectives {{ id title cycle {{ id }} keyResults {{ {KR} }} }} }} }}'
UNIT_C2 = f"""{{ team(id: "bu-digital") {{ id name children {{ id name
  objectives {{ id title cycle {{ id }} keyResults {{ {KR} }} }} }} }} }}"""
# Fragments, inline fragments, aliases, deeper nesting and fields the plan leaves to the DataLoaders.
MIXED = """
fragment Krs on KeyResult { id title progress kind weight objective { id owner { name } } }
fragment Obj on Objective { id progress keyResults { ...Krs } }
{
  objective(id: "obj-discover-q1") {
    ...Obj
    ... on Objective { owner { name parent { name organisation { name } } } cycle { name } }
    brief: keyResults { id current }
    parents { weight countsTowardProgress parent { __typename ... on Objective { ...Obj children { child { id } } }
                                                   ... on KeyResult { id title objective { title } } } }
    supports { title }
    dependsOn { note to { ... on KeyResult { title objective { owner { name } } } } }
  }
  unit: team(id: "bu-digital") { name parent { name } children { name objectives { title progress } } }
  objectives(first: 5, tier: STRATEGIC) {
    totalCount pageInfo { hasNextPage }
    edges { cursor node { id owner { name } children { weight child { title progress owner { name } } } } }
    nodes { title keyResults { title unit } }
  }
  teams(first: 3) { nodes { id objectives { id } children { id } } }
  keyResults(first: 4) { nodes { id objective { title cycle { name } } } }
  keyResult(id: "kr-discover-completion") { title objective { title keyResults { id } } }
  missing: objective(id: "no-such-objective") { id keyResults { id } }
}
"""
DOCUMENTS = [PAGE_A, OBJECTIVE_B, TEAM_C, UNIT_C2, MIXED]


def _operation(code: str) -> str:
    return "\n".join(line for line in code.splitlines() if not line.lstrip().startswith("#")).lstrip()


# The docs' read examples (their mutations change the demo, so they cannot run twice).
README_QUERIES = [s for s in GRAPHQL if _operation(s.code).startswith(("{", "query", "fragment"))]


@pytest.fixture
def timeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, float, float]]]:
    """Every named read a request sends, with when it started and ended."""
    calls: list[tuple[str, float, float]] = []
    read = Database.read

    async def timed(self: Database, name: str, /, **params: Any) -> Any:
        began = time.perf_counter()
        try:
            return await read(self, name, **params)
        finally:
            calls.append((name, began, time.perf_counter()))

    monkeypatch.setattr(Database, "read", timed)
    yield calls


def round_trips(calls: list[tuple[str, float, float]]) -> int:
    """The longest chain of queries that each started after the one before it ended."""
    depth: dict[int, int] = {}
    ordered = sorted(calls, key=lambda c: c[1])
    for i, (_, start, _) in enumerate(ordered):
        depth[i] = 1 + max((depth[j] for j in range(i) if ordered[j][2] <= start), default=0)
    return max(depth.values(), default=0)


async def both_ways(gql: GraphQL, document: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    ahead_answer = await gql.ok(document)
    with monkeypatch.context() as off:
        off.setattr(ahead, "ENABLED", False)
        loader_answer = await gql.ok(document)
    assert ahead_answer == loader_answer, document
    return ahead_answer


@pytest.mark.usefixtures("demo")
async def test_look_ahead_answers_what_the_dataloaders_answer(
    gql: GraphQL, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(README_QUERIES) >= 7
    for snippet in README_QUERIES:
        await both_ways(gql, snippet.code, monkeypatch)
    for document in DOCUMENTS:
        await both_ways(gql, document, monkeypatch)
    mixed = await gql.ok(MIXED)
    assert mixed["missing"] is None
    assert mixed["objective"]["brief"] and set(mixed["objective"]["brief"][0]) == {"id", "current"}
    assert mixed["objective"]["keyResults"][0]["objective"]["owner"] == {"name": "Discover"}
    assert mixed["unit"]["children"] and mixed["objectives"]["totalCount"] >= 5


@pytest.mark.usefixtures("demo")
async def test_nested_reads_take_fewer_round_trips(
    gql: GraphQL, db: Database, monkeypatch: pytest.MonkeyPatch, timeline: list[tuple[str, float, float]]
) -> None:
    found = {}
    for name, document in (("b", OBJECTIVE_B), ("c", TEAM_C), ("c2", UNIT_C2)):
        for enabled in (True, False):
            monkeypatch.setattr(ahead, "ENABLED", enabled)
            timeline.clear()
            before = db.query_count
            data = await gql.ok(document)
            found[name, enabled] = (round_trips(timeline), db.query_count - before)
            assert data[next(iter(data))]["id"]
    # b: the objective, its owner, key results, and its parents and children with the nodes they join, at once.
    assert found["b", True][0] == 1 < found["b", False][0], found
    # c: the team and its objectives at once, then their cycles and key results.
    assert found["c", True][0] <= 2 < found["c", False][0], found
    # c2: the unit and its teams, their objectives, then cycles and key results.
    assert found["c2", True][0] <= 3 < found["c2", False][0], found
    for name in ("b", "c", "c2"):
        assert found[name, True][1] <= found[name, False][1], found
