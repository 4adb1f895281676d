"""closeCycle freezes a cycle's objectives; carryOverObjective copies unfinished ones forward (on the demo)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL, count_edges, count_nodes

pytestmark = pytest.mark.usefixtures("demo")

CLOSE = "mutation($id: ID!) { closeCycle(cycleId: $id) { id status closedAt } }"
CARRY = """
mutation($id: ID!, $to: ID!) {
  carryOverObjective(objectiveId: $id, toCycleId: $to) {
    id title tier status confidence owner { id } cycle { id status }
    carriedOverFrom { id }
    keyResults { title kind direction unit baseline target current progress done weight externalKey }
    parents { weight countsTowardProgress parent { ... on Objective { id } ... on KeyResult { id } } }
  }
}
"""
NOW = dt.datetime.now(dt.UTC)


async def close(gql: GraphQL, id: str = "cycle-2026-q1") -> dict[str, Any]:
    result: dict[str, Any] = (await gql.ok(CLOSE, id=id))["closeCycle"]
    return result


async def carry(gql: GraphQL, id: str = "obj-discover-q1", to: str = "cycle-2026-q2") -> dict[str, Any]:
    result: dict[str, Any] = (await gql.ok(CARRY, id=id, to=to))["carryOverObjective"]
    return result


async def test_closing_a_cycle_sets_its_status_once(gql: GraphQL) -> None:
    before = await gql.ok('{ cycle(id: "cycle-2026-q1") { status closedAt } }')
    assert before["cycle"] == {"status": "OPEN", "closedAt": None}
    started = dt.datetime.now(dt.UTC)
    closed = await close(gql)
    assert closed["status"] == "CLOSED"
    assert started <= dt.datetime.fromisoformat(closed["closedAt"]) <= dt.datetime.now(dt.UTC)
    assert await close(gql) == closed  # closing again changes nothing, not even closedAt
    listed = await gql.ok('{ cycles(parentId: "cycle-2026") { nodes { id status } } }')
    assert {c["id"]: c["status"] for c in listed["cycles"]["nodes"]} == {
        "cycle-2026-q1": "CLOSED",
        "cycle-2026-q2": "OPEN",
        "cycle-2026-q3": "OPEN",
        "cycle-2026-q4": "OPEN",
    }


async def test_a_year_closes_only_after_its_quarters(gql: GraphQL) -> None:
    await close(gql)
    error = await gql.error(CLOSE, id="cycle-2026")
    assert error["extensions"] == {"code": "CONFLICT", "field": "cycleId", "value": "cycle-2026"}
    assert "cycle-2026-q2, cycle-2026-q3, cycle-2026-q4" in error["message"]
    assert (await gql.ok('{ cycle(id: "cycle-2026") { status } }'))["cycle"]["status"] == "OPEN"
    for quarter in ("q2", "q3", "q4"):
        await close(gql, f"cycle-2026-{quarter}")
    assert (await close(gql, "cycle-2026"))["status"] == "CLOSED"
    error = await gql.error(
        'mutation { updateObjective(id: "obj-digital-first-week", input: {title: "x"}) { id } }'
    )
    assert error["extensions"]["code"] == "CONFLICT"
    error = await gql.error(CLOSE, id="cycle-nope")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "cycleId", "value": "cycle-nope"}


# Every kind of edit to a frozen objective: (mutation, the field and value the CONFLICT names).
FROZEN_EDITS = [
    ('updateObjective(id: "obj-discover-q1", input: {title: "New"}) { id }', "id", "obj-discover-q1"),
    ('archiveObjective(id: "obj-discover-q1") { id }', "id", "obj-discover-q1"),
    ('deleteObjective(id: "obj-discover-q1") { id }', "id", "obj-discover-q1"),
    (
        'createObjective(input: {title: "Late", tier: TEAM, ownerId: "team-care", cycleId: "cycle-2026-q1"}) { id }',
        "cycleId",
        "cycle-2026-q1",
    ),
    (
        'createKeyResult(input: {objectiveId: "obj-discover-q1", title: "More", kind: MILESTONE}) { id }',
        "objectiveId",
        "obj-discover-q1",
    ),
    (
        'updateKeyResult(id: "kr-discover-completion", input: {current: 90}) { id }',
        "id",
        "kr-discover-completion",
    ),
    ('deleteKeyResult(id: "kr-discover-tickets") { id }', "id", "kr-discover-tickets"),
    (
        'linkContribution(childId: "obj-payments-q1", parentId: "obj-digital-first-week") { weight }',
        "childId",
        "obj-payments-q1",
    ),
    (
        'unlinkContribution(childId: "obj-discover-q1", parentId: "obj-digital-first-week") { id }',
        "childId",
        "obj-discover-q1",
    ),
    (
        'linkDependency(fromId: "obj-digital-first-week", toId: "kr-sre-runbooks") { note }',
        "toId",
        "kr-sre-runbooks",
    ),
    (
        'unlinkDependency(fromId: "obj-discover-q1", toId: "kr-identity-instant-verification")',
        "fromId",
        "obj-discover-q1",
    ),
    (
        'linkInitiative(initiativeId: "init-instant-id", keyResultId: "kr-discover-completion") { id }',
        "keyResultId",
        "kr-discover-completion",
    ),
    (
        'recordCheckIn(input: {objectiveId: "obj-discover-q1", confidence: 5, plan: "p", author: "a"}) { id }',
        "objectiveId",
        "obj-discover-q1",
    ),
    ('updateCycle(id: "cycle-2026-q1", input: {name: "Q1"}) { id }', "id", "cycle-2026-q1"),
]


@pytest.mark.parametrize(
    ("mutation", "field", "value"), FROZEN_EDITS, ids=[m[0].split("(")[0] for m in FROZEN_EDITS]
)
async def test_every_edit_of_a_closed_cycles_objectives_is_a_conflict_that_writes_nothing(
    gql: GraphQL, db: Database, mutation: str, field: str, value: str
) -> None:
    await close(gql)
    nodes, edges = await count_nodes(db), await count_edges(db)
    error = await gql.error(f"mutation {{ {mutation} }}")
    assert error["extensions"] == {"code": "CONFLICT", "field": field, "value": value}, error
    assert "closed" in error["message"]
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)
    kr = await gql.ok(
        '{ keyResult(id: "kr-discover-completion") { current } objective(id: "obj-discover-q1") { title status } }'
    )
    assert kr["keyResult"]["current"] == 72.0
    assert kr["objective"]["status"] == "ACTIVE"


async def test_pushes_to_a_closed_cycles_key_results_are_rejected_one_by_one(gql: GraphQL) -> None:
    await close(gql)
    observed = (NOW - dt.timedelta(hours=1)).isoformat()
    result = await gql.ok(
        """mutation($values: [KeyResultValueInput!]!) {
             pushKeyResultValues(values: $values) { accepted rejected items { status reason message keyResultId } }
           }""",
        values=[
            {
                "keyResultId": "kr-discover-completion",
                "value": 80.0,
                "observedAt": observed,
                "source": "amplitude",
            },
            {"keyResultId": "kr-digital-nps", "value": 26.0, "observedAt": observed, "source": "survey"},
        ],
    )
    push = result["pushKeyResultValues"]
    assert (push["accepted"], push["rejected"]) == (1, 1)
    first, second = push["items"]
    assert (first["status"], first["reason"], first["keyResultId"]) == (
        "REJECTED",
        "CYCLE_CLOSED",
        "kr-discover-completion",
    )
    assert "cycle-2026-q1" in first["message"]
    assert second["status"] == "ACCEPTED"  # the year is still open
    kr = await gql.ok(
        '{ a: keyResult(id: "kr-discover-completion") { current } b: keyResult(id: "kr-digital-nps") { current } }'
    )
    assert (kr["a"]["current"], kr["b"]["current"]) == (72.0, 26.0)


async def test_reads_other_cycles_and_retrospectives_still_work_after_closing(gql: GraphQL) -> None:
    await close(gql)
    await gql.ok('mutation { updateObjective(id: "obj-digital-first-week", input: {confidence: 5}) { id } }')
    retro = await gql.ok(
        """mutation { recordRetrospective(input: {objectiveId: "obj-discover-q1", kind: END, author: "Tom",
                                                  attractors: ["Guided setup"]}) { scores { score } } }"""
    )
    assert len(retro["recordRetrospective"]["scores"]) == 3
    found = await gql.ok(
        '{ objective(id: "obj-discover-q1") { progress checkIns(first: 1) { totalCount } } }'
    )
    assert found["objective"]["checkIns"]["totalCount"] == 6


async def test_carrying_over_copies_unfinished_krs_with_last_current_as_baseline(
    gql: GraphQL, db: Database
) -> None:
    await gql.ok(
        'mutation { updateKeyResult(id: "kr-discover-completion", input: {externalKey: "amplitude:completion"}) { id } }'
    )
    await close(gql)
    copy = await carry(gql)
    assert copy["id"] != "obj-discover-q1"
    assert (copy["title"], copy["tier"], copy["status"], copy["confidence"]) == (
        "Make the first week seamless and confidence-boosting for new users",
        "TEAM",
        "ACTIVE",
        None,
    )
    assert (copy["owner"], copy["cycle"]) == (
        {"id": "team-discover"},
        {"id": "cycle-2026-q2", "status": "OPEN"},
    )
    assert copy["carriedOverFrom"] == {"id": "obj-discover-q1"}
    krs = {k["title"]: k for k in copy["keyResults"]}
    assert {t: (k["baseline"], k["target"], k["current"], k["progress"]) for t, k in krs.items()} == {
        "Onboarding completion from 65% to 90%": (72.0, 90.0, 72.0, 0.0),
        "Tutorial engagement from 15% to 50%": (22.0, 50.0, 22.0, 0.0),
        "Account-setup support tickets down 30% (400 to 280 a month)": (360.0, 280.0, 360.0, 0.0),
    }
    assert krs["Onboarding completion from 65% to 90%"]["externalKey"] == "amplitude:completion"
    assert [(p["parent"]["id"], p["weight"]) for p in copy["parents"]] == [("obj-digital-first-week", 1.0)]

    # A retry returns the same copy and writes nothing.
    nodes, edges = await count_nodes(db), await count_edges(db)
    assert (await carry(gql))["id"] == copy["id"]
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)

    # The integration's key now names the copy, so its next push lands in Q2 rather than being refused.
    push = await gql.ok(
        """mutation($at: DateTime!) { pushKeyResultValues(values: [{externalKey: "amplitude:completion", value: 75,
             observedAt: $at, source: "amplitude"}]) { items { status keyResultId } } }""",
        at=NOW.isoformat(),
    )
    [item] = push["pushKeyResultValues"]["items"]
    assert item["status"] == "ACCEPTED" and item["keyResultId"] != "kr-discover-completion"
    moved = await gql.ok(f'{{ objective(id: "{copy["id"]}") {{ progress }} }}')
    assert moved["objective"]["progress"] == pytest.approx((75 - 72) / (90 - 72) / 3)


async def test_carrying_over_skips_reached_krs_and_keeps_guard_rails_and_alignment(gql: GraphQL) -> None:
    copy = await carry(gql, "obj-sre-q1")
    krs = {
        k["title"]: (k["kind"], k["direction"], k["baseline"], k["target"], k["current"])
        for k in copy["keyResults"]
    }
    assert krs == {
        # The guard-rail keeps its level; the done milestone stays behind.
        "Keep core banking availability at or above 99.9%": (
            "METRIC",
            "STAY_AT_OR_ABOVE",
            99.92,
            99.9,
            99.95,
        ),
        "Critical alerts with a tested runbook from 50% to 95%": ("METRIC", "INCREASE", 70.0, 95.0, 70.0),
    }
    parents = sorted((p["parent"]["id"], p["weight"], p["countsTowardProgress"]) for p in copy["parents"])
    assert parents == [("obj-platform-engineering", 0.5, False), ("obj-platform-resilience", 1.0, True)]
    again = await carry(gql, copy["id"], "cycle-2026-q3")  # a copy carries over again
    assert again["carriedOverFrom"] == {"id": copy["id"]}


@pytest.mark.parametrize(
    ("setup", "id", "to", "code", "field", "value"),
    [
        (
            'updateObjective(id: "obj-care-q1", input: {status: COMPLETED}) { id }',
            "obj-care-q1",
            "cycle-2026-q2",
            "CONFLICT",
            "status",
            "COMPLETED",
        ),
        (
            'archiveObjective(id: "obj-care-q1") { id }',
            "obj-care-q1",
            "cycle-2026-q2",
            "CONFLICT",
            "status",
            "ARCHIVED",
        ),
        (
            'updateKeyResult(id: "kr-care-first-call", input: {current: 75}) { id }',
            "obj-care-q1",
            "cycle-2026-q2",
            "CONFLICT",
            "progress",
            1.0,
        ),
        (
            'closeCycle(cycleId: "cycle-2026-q2") { id }',
            "obj-care-q1",
            "cycle-2026-q2",
            "CONFLICT",
            "toCycleId",
            "cycle-2026-q2",
        ),
        (None, "obj-care-q1", "cycle-2026", "VALIDATION", "toCycleId", "cycle-2026"),
        (None, "obj-care-q1", "cycle-2026-q1", "VALIDATION", "toCycleId", "cycle-2026-q1"),
        (None, "obj-care-q1", "cycle-nope", "NOT_FOUND", "toCycleId", "cycle-nope"),
        (None, "obj-nope", "cycle-2026-q2", "NOT_FOUND", "objectiveId", "obj-nope"),
    ],
)
async def test_carrying_over_refuses_finished_archived_and_misplaced_objectives(
    gql: GraphQL, db: Database, setup: str | None, id: str, to: str, code: str, field: str, value: Any
) -> None:
    if setup:
        await gql.ok(f"mutation {{ {setup} }}")
    nodes = await count_nodes(db)
    error = await gql.error(CARRY, id=id, to=to)
    assert error["extensions"] == {"code": code, "field": field, "value": value}
    assert await count_nodes(db) == nodes


async def test_a_quarter_cannot_be_created_in_a_closed_year(gql: GraphQL) -> None:
    for quarter in ("q1", "q2", "q3", "q4"):
        await close(gql, f"cycle-2026-{quarter}")
    await close(gql, "cycle-2026")
    error = await gql.error(
        'mutation { createCycle(input: {id: "cycle-2026-late", name: "Late", kind: QUARTER, '
        'startDate: "2026-10-01", endDate: "2026-12-31", parentId: "cycle-2026"}) { id } }'
    )
    assert error["extensions"] == {"code": "CONFLICT", "field": "parentId", "value": "cycle-2026"}
    assert (await gql.ok('{ cycle(id: "cycle-2026-late") { id } }'))["cycle"] is None  # nothing was written
