"""Orphaned objectives, unsupported strategy and coverage over GraphQL, on the demo organisation."""

from __future__ import annotations

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

ORPHANS = """
query($cycleId: ID!, $unitId: ID, $first: Int = 50, $after: String) {
  orphanedObjectives(cycleId: $cycleId, unitId: $unitId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { reason parentIds objective { id tier owner { id } } }
  }
}
"""


def _reasons(data: dict) -> dict[str, str]:
    return {n["objective"]["id"]: n["reason"] for n in data["orphanedObjectives"]["nodes"]}


async def test_the_demo_has_exactly_one_orphan(gql: GraphQL) -> None:
    for cycle in ("cycle-2026-q1", "cycle-2026"):
        data = await gql.ok(ORPHANS, cycleId=cycle)
        assert _reasons(data) == {"obj-payments-q1": "NO_PARENT"}, cycle
        assert data["orphanedObjectives"]["totalCount"] == 1
    node = data["orphanedObjectives"]["nodes"][0]
    assert node["parentIds"] == [] and node["objective"]["owner"] == {"id": "team-payments"}


async def test_unit_filter_keeps_the_unit_and_its_sub_teams(gql: GraphQL) -> None:
    assert _reasons(await gql.ok(ORPHANS, cycleId="cycle-2026", unitId="bu-digital")) == {
        "obj-payments-q1": "NO_PARENT"
    }
    assert _reasons(await gql.ok(ORPHANS, cycleId="cycle-2026", unitId="bu-platform")) == {}
    assert _reasons(await gql.ok(ORPHANS, cycleId="cycle-2026", unitId="team-payments")) == {
        "obj-payments-q1": "NO_PARENT"
    }


async def test_each_reason_is_found(gql: GraphQL) -> None:
    # Break the chain: Discover contributes to Payments' orphan; a strategic objective supports nothing;
    # Care contributes to an objective of another year.
    await gql.ok(
        """
        mutation {
          chain: linkContribution(childId: "obj-discover-q1", parentId: "obj-payments-q1") { weight }
          drop: unlinkContribution(childId: "obj-discover-q1", parentId: "obj-digital-first-week") { id }
          lone: createObjective(input: {id: "obj-lone", title: "Lone strategy", tier: STRATEGIC,
                                        ownerId: "bu-digital", cycleId: "cycle-2026", status: ACTIVE}) { id }
          y25: createCycle(input: {id: "cycle-2025", name: "2025", kind: YEAR,
                                   startDate: "2025-01-01", endDate: "2025-12-31"}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          p: createPriority(input: {id: "prio-2025", title: "Last year's bet", cycleId: "cycle-2025"}) { id }
          h2: createCycle(input: {id: "cycle-2025-h2", name: "H2 2025", kind: QUARTER, parentId: "cycle-2025",
                                  startDate: "2025-07-01", endDate: "2025-12-31"}) { id }
          q4: createCycle(input: {id: "cycle-2025-q4", name: "Q4 2025", kind: QUARTER, parentId: "cycle-2025",
                                  startDate: "2025-10-01", endDate: "2025-12-31"}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          old: createObjective(input: {id: "obj-old", title: "H2 strategy", tier: STRATEGIC,
                                       ownerId: "bu-digital", cycleId: "cycle-2025-h2", status: ACTIVE}) { id }
          late: createObjective(input: {id: "obj-late", title: "Q4 team goal", tier: TEAM,
                                        ownerId: "team-care", cycleId: "cycle-2025-q4", status: ACTIVE}) { id }
        }
        """
    )
    await gql.ok(
        """
        mutation {
          s: linkSupport(objectiveId: "obj-old", priorityId: "prio-2025") { id }
          c: linkContribution(childId: "obj-late", parentId: "obj-old") { weight }
        }
        """
    )
    # Shortening H2 leaves obj-late's chain ending in strategy whose cycle no longer covers its quarter.
    await gql.ok('mutation { updateCycle(id: "cycle-2025-h2", input: {endDate: "2025-11-30"}) { id } }')
    data = await gql.ok(ORPHANS, cycleId="cycle-2025")
    assert _reasons(data) == {"obj-late": "PARENT_OUTSIDE_CYCLE"}

    data = await gql.ok(ORPHANS, cycleId="cycle-2026")
    assert _reasons(data) == {
        "obj-discover-q1": "CHAIN_BROKEN",
        "obj-lone": "NO_PRIORITY",
        "obj-payments-q1": "NO_PARENT",
    }
    discover = next(
        n for n in data["orphanedObjectives"]["nodes"] if n["objective"]["id"] == "obj-discover-q1"
    )
    assert discover["parentIds"] == ["obj-payments-q1"]


async def test_archived_parents_break_the_chain_and_archived_orphans_are_not_listed(gql: GraphQL) -> None:
    await gql.ok('mutation { archiveObjective(id: "obj-platform-engineering") { id } }')
    await gql.ok('mutation { archiveObjective(id: "obj-payments-q1") { id } }')
    # obj-devex-q1 only contributes to the archived objective; obj-sre-q1 still reaches obj-platform-resilience.
    assert _reasons(await gql.ok(ORPHANS, cycleId="cycle-2026")) == {"obj-devex-q1": "CHAIN_BROKEN"}


async def test_orphans_page_in_id_order(gql: GraphQL) -> None:
    for id in ("obj-x1", "obj-x2", "obj-x3"):
        await gql.ok(
            'mutation($id: ID!) { createObjective(input: {id: $id, title: "X", tier: TEAM, ownerId: "team-care",'
            ' cycleId: "cycle-2026-q1"}) { id } }',
            id=id,
        )
    seen: list[str] = []
    after = None
    while True:
        page = (await gql.ok(ORPHANS, cycleId="cycle-2026-q1", first=2, after=after))["orphanedObjectives"]
        assert page["totalCount"] == 4
        seen += [n["objective"]["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["obj-payments-q1", "obj-x1", "obj-x2", "obj-x3"]


@pytest.mark.parametrize(
    ("args", "field", "value", "code"),
    [
        ({"cycleId": "cycle-1999"}, "cycleId", "cycle-1999", "NOT_FOUND"),
        ({"cycleId": "cycle-2026", "unitId": "bu-nope"}, "unitId", "bu-nope", "NOT_FOUND"),
        ({"cycleId": "cycle-2026", "first": 0}, "first", 0, "VALIDATION"),
        ({"cycleId": "cycle-2026", "first": 101}, "first", 101, "VALIDATION"),
        ({"cycleId": "cycle-2026", "after": "bogus"}, "after", "bogus", "VALIDATION"),
    ],
)
async def test_orphan_arguments_are_checked(
    gql: GraphQL, args: dict, field: str, value: object, code: str
) -> None:
    error = await gql.error(ORPHANS, **args)
    assert error["extensions"] == {"code": code, "field": field, "value": value}


UNSUPPORTED = """
query($cycleId: ID!) {
  unsupportedStrategy(cycleId: $cycleId) {
    priorities { reason priority { id } }
    objectives { id owner { id } }
  }
}
"""


async def test_unsupported_strategy_of_the_demo(gql: GraphQL) -> None:
    for cycle in ("cycle-2026", "cycle-2026-q1"):
        data = (await gql.ok(UNSUPPORTED, cycleId=cycle))["unsupportedStrategy"]
        assert data["priorities"] == [
            {"reason": "NO_TEAM_CONTRIBUTOR", "priority": {"id": "prio-small-business"}}
        ]
        assert data["objectives"] == [{"id": "obj-business-first-choice", "owner": {"id": "bu-business"}}]
    # Nobody has written Q2 objectives yet, so nothing of 2026's strategy is picked up in Q2.
    data = (await gql.ok(UNSUPPORTED, cycleId="cycle-2026-q2"))["unsupportedStrategy"]
    assert len(data["priorities"]) == 3 and len(data["objectives"]) == 5


async def test_a_team_contribution_picks_strategy_up(gql: GraphQL) -> None:
    await gql.ok(
        """
        mutation {
          p: createPriority(input: {id: "prio-new", title: "Open banking", cycleId: "cycle-2026"}) { id }
          l: linkContribution(childId: "obj-sme-onboarding-q1", parentId: "kr-business-accounts") { weight }
        }
        """
    )
    data = (await gql.ok(UNSUPPORTED, cycleId="cycle-2026"))["unsupportedStrategy"]
    assert data == {
        "priorities": [{"reason": "NO_SUPPORTING_OBJECTIVE", "priority": {"id": "prio-new"}}],
        "objectives": [],
    }


COVERAGE = """
query($cycleId: ID!) {
  alignmentCoverage(cycleId: $cycleId) {
    units { unit { id } teamObjectives aligned orphaned alignedShare orphanedShare teamsWithoutObjectives { id } }
    priorities { priority { id } strategicObjectives teamObjectives teams }
  }
}
"""


async def test_coverage_of_the_demo(gql: GraphQL) -> None:
    await gql.ok(
        'mutation { createTeam(input: {id: "team-new", name: "New Team", kind: TEAM, organisationId: "org-bank",'
        ' parentId: "bu-business"}) { id } }'
    )
    data = (await gql.ok(COVERAGE, cycleId="cycle-2026-q1"))["alignmentCoverage"]
    units = {u["unit"]["id"]: u for u in data["units"]}
    assert [u["unit"]["id"] for u in data["units"]] == ["bu-digital", "bu-platform", "bu-business"]
    assert units["bu-digital"] == {
        "unit": {"id": "bu-digital"},
        "teamObjectives": 3,
        "aligned": 2,
        "orphaned": 1,
        "alignedShare": pytest.approx(2 / 3),
        "orphanedShare": pytest.approx(1 / 3),
        "teamsWithoutObjectives": [],
    }
    assert (units["bu-platform"]["aligned"], units["bu-platform"]["orphaned"]) == (3, 0)
    assert units["bu-business"]["teamsWithoutObjectives"] == [{"id": "team-new"}]
    priorities = {p["priority"]["id"]: p for p in data["priorities"]}
    # Onboarding: Discover and Identity directly, Care and SME Onboarding through the BU objective's KRs.
    assert priorities["prio-onboarding"] == {
        "priority": {"id": "prio-onboarding"},
        "strategicObjectives": 1,
        "teamObjectives": 4,
        "teams": 4,
    }
    # Resilience: SRE (through two levels and to engineering) and DevEx.
    assert (priorities["prio-resilience"]["teamObjectives"], priorities["prio-resilience"]["teams"]) == (2, 2)
    assert priorities["prio-resilience"]["strategicObjectives"] == 3
    assert priorities["prio-small-business"]["teams"] == 0


async def test_coverage_of_a_unit_without_team_objectives_has_null_shares(gql: GraphQL) -> None:
    data = (await gql.ok(COVERAGE, cycleId="cycle-2026-q2"))["alignmentCoverage"]
    digital = next(u for u in data["units"] if u["unit"]["id"] == "bu-digital")
    assert digital["teamObjectives"] == 0 and digital["alignedShare"] is None
    assert [t["id"] for t in digital["teamsWithoutObjectives"]] == [
        "team-care",
        "team-discover",
        "team-payments",
    ]


async def test_coverage_costs_a_fixed_number_of_queries(gql: GraphQL, db: Database) -> None:
    before = db.query_count
    await gql.ok(COVERAGE, cycleId="cycle-2026-q2")
    # The cycle check, one query per list, and one batch for every team named in the answer.
    assert db.query_count - before == 4
