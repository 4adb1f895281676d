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


IMPACT = """
query($id: ID!) {
  impact(id: $id) {
    priorities { id distance throughDependency }
    strategicObjectives { id ownerName distance throughDependency }
    teamObjectives { id ownerId ownerName distance throughDependency }
  }
}
"""


def _goals(items: list[dict[str, object]]) -> dict[object, tuple[object, object]]:
    return {item["id"]: (item["distance"], item["throughDependency"]) for item in items}


async def test_impact_of_a_key_result_reaches_its_chain_and_the_teams_that_depend_on_it(gql: GraphQL) -> None:
    impact = (await gql.ok(IMPACT, id="kr-identity-instant-verification"))["impact"]
    # Discover and SME Onboarding depend on the KR; the Identity objective owns it.
    assert _goals(impact["teamObjectives"]) == {
        "obj-discover-q1": (1, True),
        "obj-identity-q1": (1, False),
        "obj-sme-onboarding-q1": (1, True),
    }
    # obj-identity-q1 contributes to obj-digital-first-week, which supports prio-onboarding.
    assert _goals(impact["strategicObjectives"]) == {"obj-digital-first-week": (2, False)}
    assert _goals(impact["priorities"]) == {"prio-onboarding": (3, False)}
    identity = next(g for g in impact["teamObjectives"] if g["id"] == "obj-identity-q1")
    assert (identity["ownerId"], identity["ownerName"]) == ("team-identity", "Identity")


async def test_impact_follows_alignment_only_edges_and_chains_of_dependencies(gql: GraphQL) -> None:
    impact = (await gql.ok(IMPACT, id="kr-sre-failover-drill"))["impact"]
    assert _goals(impact["teamObjectives"]) == {
        "obj-sre-q1": (1, False),
        # kr-identity-instant-verification depends on the drill; Discover and SME Onboarding depend on it.
        "obj-identity-q1": (2, True),
        "obj-discover-q1": (2, True),
        "obj-sme-onboarding-q1": (2, True),
    }
    assert _goals(impact["strategicObjectives"]) == {
        # obj-sre-q1 -> obj-platform-engineering counts not toward progress, but the goal still relies on it.
        "obj-platform-engineering": (2, False),
        "obj-platform-resilience": (2, False),
        "obj-bank-resilience": (3, False),
        "obj-digital-first-week": (3, True),
    }
    assert _goals(impact["priorities"]) == {"prio-resilience": (3, False), "prio-onboarding": (4, True)}
    assert [g["distance"] for g in impact["strategicObjectives"]] == [2, 2, 3, 3]


async def test_impact_of_an_orphan_is_empty(gql: GraphQL) -> None:
    impact = (await gql.ok(IMPACT, id="obj-payments-q1"))["impact"]
    assert impact == {"priorities": [], "strategicObjectives": [], "teamObjectives": []}


ROLLUP = """
query($id: ID!) {
  rollup(objectiveId: $id) {
    objective { id title } method ownProgress rolledUpProgress
    contributions { depth parentId viaKeyResultId childId child { owner { id } } weight share ownProgress rolledUpProgress }
  }
}
"""


def mean(*values: float) -> float:
    return sum(values) / len(values)


# Each team objective's own progress: the mean of its KRs' (current - baseline) / (target - baseline).
DISCOVER = mean(7 / 25, 7 / 35, 40 / 120)
IDENTITY = mean(20 / 70, 1.0)  # instant verification 10 -> 80 now 30; the fraud guard-rail is held
CARE = 4 / 15  # first-call resolution 60 -> 75 now 64
SME = 6 / 35  # one sitting 35 -> 70 now 41
SRE = mean(1.0, 1.0, 20 / 45)  # availability held, drill done, runbooks 50 -> 95 now 70


async def test_rollup_weights_direct_and_key_result_contributions(gql: GraphQL) -> None:
    rollup = (await gql.ok(ROLLUP, id="obj-digital-first-week"))["rollup"]
    assert rollup["objective"]["id"] == "obj-digital-first-week"
    assert rollup["method"] == "MEAN"
    assert rollup["ownProgress"] == pytest.approx(mean(4 / 10, 4 / 15, 0.6 / 1.8))
    shares = {c["childId"]: (c["viaKeyResultId"], c["weight"], c["share"]) for c in rollup["contributions"]}
    assert shares == {
        "obj-discover-q1": (None, 1.0, pytest.approx(1 / 3)),
        "obj-identity-q1": (None, 0.5, pytest.approx(1 / 6)),
        "obj-care-q1": ("kr-digital-call-time", 1.0, pytest.approx(1 / 3)),
        "obj-sme-onboarding-q1": ("kr-digital-drop-off", 0.5, pytest.approx(1 / 6)),
    }
    assert rollup["rolledUpProgress"] == pytest.approx((DISCOVER + IDENTITY / 2 + CARE + SME / 2) / 3)
    discover = next(c for c in rollup["contributions"] if c["childId"] == "obj-discover-q1")
    assert discover["ownProgress"] == pytest.approx(DISCOVER)
    assert discover["rolledUpProgress"] is None
    assert discover["child"]["owner"]["id"] == "team-discover"
    assert {c["depth"] for c in rollup["contributions"]} == {1}


async def test_rollup_sums_when_the_parent_says_so(gql: GraphQL) -> None:
    await gql.ok('mutation { updateObjective(id: "obj-digital-first-week", input: {rollup: SUM}) { id } }')
    rollup = (await gql.ok(ROLLUP, id="obj-digital-first-week"))["rollup"]
    assert rollup["method"] == "SUM"
    assert sorted(c["share"] for c in rollup["contributions"]) == [0.5, 0.5, 1.0, 1.0]
    assert rollup["rolledUpProgress"] == pytest.approx(min(1.0, DISCOVER + IDENTITY / 2 + CARE + SME / 2))


async def test_rollup_goes_down_every_level(gql: GraphQL) -> None:
    rollup = (await gql.ok(ROLLUP, id="obj-bank-resilience"))["rollup"]
    assert rollup["ownProgress"] == pytest.approx(90 / 180)  # outage minutes 240 -> 60 now 150
    chain = [(c["depth"], c["parentId"], c["childId"], c["share"]) for c in rollup["contributions"]]
    assert chain == [
        (1, "obj-bank-resilience", "obj-platform-resilience", 1.0),
        (2, "obj-platform-resilience", "obj-sre-q1", 1.0),
    ]
    platform = rollup["contributions"][0]
    assert platform["ownProgress"] == pytest.approx(mean(25 / 45, 15 / 60))
    # obj-platform-resilience counts with what rolls up into it (obj-sre-q1), not with its own KRs.
    assert platform["rolledUpProgress"] == pytest.approx(SRE)
    assert rollup["rolledUpProgress"] == pytest.approx(SRE)


async def test_rollup_leaves_out_alignment_only_contributions(gql: GraphQL) -> None:
    rollup = (await gql.ok(ROLLUP, id="obj-platform-engineering"))["rollup"]
    assert [c["childId"] for c in rollup["contributions"]] == ["obj-devex-q1"]  # not obj-sre-q1
    assert rollup["rolledUpProgress"] == pytest.approx(8 / 35)  # pairing hours 25 -> 60 now 33


async def test_rollup_of_an_objective_nothing_counts_toward(gql: GraphQL) -> None:
    rollup = (await gql.ok(ROLLUP, id="obj-business-first-choice"))["rollup"]
    assert rollup["method"] == "SUM"
    assert rollup["contributions"] == []
    assert rollup["rolledUpProgress"] is None
    assert rollup["ownProgress"] == pytest.approx(
        mean(20 / 1500, 0.0)
    )  # accounts 500 -> 2000 now 520; app not launched


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
        ('{ impact(id: "prio-onboarding") { priorities { id } } }', "NOT_FOUND", "id", "prio-onboarding"),
        (
            '{ rollup(objectiveId: "kr-digital-nps") { method } }',
            "NOT_FOUND",
            "objectiveId",
            "kr-digital-nps",
        ),
    ],
)
async def test_bad_arguments_name_the_field(
    gql: GraphQL, query: str, code: str, field: str, value: object
) -> None:
    error = await gql.error(query)
    assert error["extensions"] == {"code": code, "field": field, "value": value}
    assert field in error["message"]
