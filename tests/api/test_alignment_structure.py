"""The alignment questions over GraphQL on the demo: tree, path to strategy, impact and roll-up."""

from __future__ import annotations

import pytest

from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

TREE = """
query($rootId: ID!, $depth: Int!) {
  alignmentTree(rootId: $rootId, depth: $depth) {
    root { id kind title progress }
    edges { depth parentId via weight countsTowardProgress child { id kind ownerName progress } }
  }
}
"""


async def test_tree_lists_each_edge_at_its_smallest_depth(gql: GraphQL) -> None:
    data = await gql.ok(TREE, rootId="obj-platform-resilience", depth=3)
    tree = data["alignmentTree"]
    assert tree["root"]["id"] == "obj-platform-resilience"
    assert tree["root"]["kind"] == "OBJECTIVE"
    # mean of recovery (60 -> 15, now 35) and failover (40 -> 100, now 55)
    assert tree["root"]["progress"] == pytest.approx((25 / 45 + 15 / 60) / 2)
    edges = [(e["depth"], e["parentId"], e["via"], e["child"]["id"]) for e in tree["edges"]]
    assert edges == [
        (1, "obj-platform-resilience", "HAS_KEY_RESULT", "kr-platform-failover"),
        (1, "obj-platform-resilience", "HAS_KEY_RESULT", "kr-platform-recovery"),
        (1, "obj-platform-resilience", "CONTRIBUTES_TO", "obj-sre-q1"),
        (2, "obj-sre-q1", "HAS_KEY_RESULT", "kr-sre-availability"),
        (2, "obj-sre-q1", "HAS_KEY_RESULT", "kr-sre-failover-drill"),
        (2, "obj-sre-q1", "HAS_KEY_RESULT", "kr-sre-runbooks"),
        (3, "kr-sre-failover-drill", "ADVANCES", "init-failover-drill"),
    ]
    sre = tree["edges"][2]
    assert (sre["weight"], sre["countsTowardProgress"]) == (1.0, True)
    assert sre["child"]["ownerName"] == "Site Reliability"
    # availability held, drill done, runbooks 50 -> 95 now 70
    assert sre["child"]["progress"] == pytest.approx((1 + 1 + 20 / 45) / 3)
    assert tree["edges"][0]["weight"] is None


async def test_tree_shows_a_node_under_each_of_its_parents(gql: GraphQL) -> None:
    data = await gql.ok(TREE, rootId="prio-resilience", depth=2)
    tree = data["alignmentTree"]
    assert tree["root"] == {
        "id": "prio-resilience",
        "kind": "PRIORITY",
        "title": "Improve resilience of critical systems",
        "progress": None,
    }
    objectives = [
        (e["depth"], e["parentId"], e["child"]["id"])
        for e in tree["edges"]
        if e["child"]["kind"] == "OBJECTIVE"
    ]
    assert objectives == [
        (1, "prio-resilience", "obj-bank-resilience"),
        (1, "prio-resilience", "obj-platform-engineering"),
        (1, "prio-resilience", "obj-platform-resilience"),
        (2, "obj-bank-resilience", "obj-platform-resilience"),
        (2, "obj-platform-engineering", "obj-devex-q1"),
        (2, "obj-platform-engineering", "obj-sre-q1"),
        (2, "obj-platform-resilience", "obj-sre-q1"),
    ]
    alignment_only = next(
        e
        for e in tree["edges"]
        if e["parentId"] == "obj-platform-engineering" and e["child"]["id"] == "obj-sre-q1"
    )
    assert (alignment_only["weight"], alignment_only["countsTowardProgress"]) == (0.5, False)


async def test_tree_goes_through_key_results_to_initiatives(gql: GraphQL) -> None:
    data = await gql.ok(TREE, rootId="prio-onboarding", depth=4)
    edges = {(e["parentId"], e["child"]["id"]): e["depth"] for e in data["alignmentTree"]["edges"]}
    assert edges[("kr-digital-call-time", "obj-care-q1")] == 3
    assert edges[("kr-digital-drop-off", "obj-sme-onboarding-q1")] == 3
    assert edges[("kr-discover-completion", "init-guided-setup")] == 4
    assert edges[("kr-discover-tickets", "init-guided-setup")] == 4
    assert ("obj-care-q1", "kr-care-first-call") in edges
    assert max(edges.values()) == 4
    assert not any(child.startswith(("obj-sre", "obj-payments")) for _, child in edges)


PATHS = """
query($id: ID!) { pathToStrategy(objectiveId: $id) { steps { id kind title } priority { id title } } }
"""


async def test_path_to_strategy_lists_every_chain_shortest_first(gql: GraphQL) -> None:
    data = await gql.ok(PATHS, id="obj-sre-q1")
    chains = [[step["id"] for step in path["steps"]] for path in data["pathToStrategy"]]
    assert chains == [
        ["obj-sre-q1", "obj-platform-engineering", "prio-resilience"],
        ["obj-sre-q1", "obj-platform-resilience", "prio-resilience"],
        ["obj-sre-q1", "obj-platform-resilience", "obj-bank-resilience", "prio-resilience"],
    ]
    last = data["pathToStrategy"][2]
    assert last["priority"] == {"id": "prio-resilience", "title": "Improve resilience of critical systems"}
    assert [step["kind"] for step in last["steps"]] == ["OBJECTIVE", "OBJECTIVE", "OBJECTIVE", "PRIORITY"]


async def test_path_to_strategy_passes_through_the_key_result_contributed_to(gql: GraphQL) -> None:
    data = await gql.ok(PATHS, id="obj-care-q1")
    [path] = data["pathToStrategy"]
    assert [(s["id"], s["kind"]) for s in path["steps"]] == [
        ("obj-care-q1", "OBJECTIVE"),
        ("kr-digital-call-time", "KEY_RESULT"),
        ("obj-digital-first-week", "OBJECTIVE"),
        ("prio-onboarding", "PRIORITY"),
    ]


async def test_orphan_has_no_path_to_strategy(gql: GraphQL) -> None:
    data = await gql.ok(PATHS, id="obj-payments-q1")
    assert data["pathToStrategy"] == []


@pytest.mark.parametrize(
    ("query", "code", "field", "value"),
    [
        ('{ alignmentTree(rootId: "prio-onboarding", depth: 0) { root { id } } }', "VALIDATION", "depth", 0),
        ('{ alignmentTree(rootId: "prio-onboarding", depth: 9) { root { id } } }', "VALIDATION", "depth", 9),
        (
            '{ alignmentTree(rootId: "kr-digital-nps") { root { id } } }',
            "NOT_FOUND",
            "rootId",
            "kr-digital-nps",
        ),
        ('{ pathToStrategy(objectiveId: "nope") { steps { id } } }', "NOT_FOUND", "objectiveId", "nope"),
    ],
)
async def test_bad_arguments_name_the_field(
    gql: GraphQL, query: str, code: str, field: str, value: object
) -> None:
    error = await gql.error(query)
    assert error["extensions"] == {"code": code, "field": field, "value": value}
    assert field in error["message"]
