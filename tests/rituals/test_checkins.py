"""recordCheckIn, objective.checkIns and confidenceTrend over GraphQL on the demo organisation."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from graph.core.db import Database
from graph.rituals import checkins
from tests.conftest import GraphQL, count_edges, count_nodes

pytestmark = pytest.mark.usefixtures("demo")

RECORD = """
mutation($input: RecordCheckInInput!) {
  recordCheckIn(input: $input) {
    id confidence issues plan author createdAt idempotencyKey
    values { value observedAt measurementId keyResult { id current } }
    objective { id confidence lastCheckInAt }
  }
}
"""
CHECK_INS = """
query($id: ID!, $first: Int!, $after: String) {
  objective(id: $id) {
    confidence lastCheckInAt
    checkIns(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id confidence issues plan author createdAt values { value keyResult { id } } }
    }
    confidenceTrend { direction change points { at confidence checkInId } }
  }
}
"""
KR = """
query($id: ID!) {
  keyResult(id: $id) { current progress lastObservedAt history(first: 20) { totalCount nodes { id value source } } }
}
"""
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def check_in(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "objectiveId": "obj-identity-q1",
        "confidence": 4,
        "values": [
            {
                "keyResultId": "kr-identity-instant-verification",
                "value": 34.0,
                "observedAt": (NOW - dt.timedelta(days=1)).isoformat(),
            }
        ],
        "issues": ["  The vendor's SDK is back on track for March  "],
        "plan": "Turn instant verification on for half of sign-ups.",
        "author": "Priya Shah (Identity)",
    }
    return {**base, **changes}


async def record(gql: GraphQL, **changes: Any) -> dict[str, Any]:
    data = await gql.ok(RECORD, input=check_in(**changes))
    result: dict[str, Any] = data["recordCheckIn"]
    return result


async def objective(
    gql: GraphQL, id: str = "obj-identity-q1", first: int = 10, after: str | None = None
) -> Any:
    return (await gql.ok(CHECK_INS, id=id, first=first, after=after))["objective"]


async def test_a_check_in_records_confidence_issues_plan_and_kr_values_as_measurements(gql: GraphQL) -> None:
    created = await record(gql)
    assert created["confidence"] == 4
    assert created["issues"] == ["The vendor's SDK is back on track for March"]
    assert created["author"] == "Priya Shah (Identity)"
    assert created["idempotencyKey"] is None
    at = dt.datetime.fromisoformat(created["createdAt"])
    assert abs(at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    # The objective's latest confidence and last check-in are this check-in's.
    assert created["objective"]["confidence"] == 4
    assert dt.datetime.fromisoformat(created["objective"]["lastCheckInAt"]) == at
    [value] = created["values"]
    assert value["value"] == 34.0 and value["keyResult"] == {
        "id": "kr-identity-instant-verification",
        "current": 34.0,
    }

    # The value went through the push path: a measurement with source check-in, current and progress follow.
    kr = (await gql.ok(KR, id="kr-identity-instant-verification"))["keyResult"]
    assert kr["current"] == 34.0
    assert kr["progress"] == pytest.approx((34 - 10) / (80 - 10))
    assert dt.datetime.fromisoformat(kr["lastObservedAt"]) == NOW - dt.timedelta(days=1)
    assert kr["history"]["totalCount"] == 7  # six demo check-ins recorded a value before
    assert kr["history"]["nodes"][0] == {"id": value["measurementId"], "value": 34.0, "source": "check-in"}

    listed = await objective(gql, first=2)
    assert listed["checkIns"]["totalCount"] == 7
    assert [n["confidence"] for n in listed["checkIns"]["nodes"]] == [4, 3]
    assert listed["checkIns"]["nodes"][0]["id"] == created["id"]


async def test_a_value_observed_earlier_than_the_latest_does_not_move_current(gql: GraphQL) -> None:
    old = (dt.datetime(2026, 1, 30, 8, tzinfo=dt.UTC)).isoformat()
    created = await record(
        gql, values=[{"keyResultId": "kr-identity-instant-verification", "value": 25.0, "observedAt": old}]
    )
    assert created["values"][0]["keyResult"]["current"] == 30.0  # the 2026-02-09 value stays the latest
    kr = (await gql.ok(KR, id="kr-identity-instant-verification"))["keyResult"]
    assert kr["history"]["totalCount"] == 7


async def test_a_retry_with_the_same_idempotency_key_returns_the_same_check_in_and_writes_nothing(
    gql: GraphQL, db: Database
) -> None:
    first = await record(gql, idempotencyKey="identity-weekly-2026-11-23")
    nodes, edges = await count_nodes(db), await count_edges(db)
    again = await record(gql, idempotencyKey="identity-weekly-2026-11-23", confidence=9)
    assert again == first
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)
    listed = await objective(gql)
    assert listed["confidence"] == 4 and listed["checkIns"]["totalCount"] == 7

    error = await gql.error(
        RECORD,
        input=check_in(objectiveId="obj-discover-q1", values=[], idempotencyKey="identity-weekly-2026-11-23"),
    )
    assert error["extensions"] == {
        "code": "CONFLICT",
        "field": "idempotencyKey",
        "value": "identity-weekly-2026-11-23",
    }


async def test_concurrent_retries_with_one_key_store_one_check_in(gql: GraphQL, db: Database) -> None:
    results = await asyncio.gather(*(gql.ok(RECORD, input=check_in(idempotencyKey="same")) for _ in range(5)))
    assert len({r["recordCheckIn"]["id"] for r in results}) == 1
    stored = await db.driver.execute_query(
        "MATCH (c:CheckIn {idempotencyKey: 'same'})-[:RECORDED]->(m) RETURN count(DISTINCT c) AS c, count(m) AS m"
    )
    assert (stored.records[0]["c"], stored.records[0]["m"]) == (1, 1)


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"confidence": 11}, "confidence", 11),
        ({"confidence": -1}, "confidence", -1),
        ({"plan": "   "}, "plan", "   "),
        ({"author": ""}, "author", ""),
        ({"issues": ["fine", " "]}, "issues[1]", " "),
        ({"idempotencyKey": ""}, "idempotencyKey", ""),
        (
            {"values": [{"keyResultId": "kr-discover-tickets", "value": 1.0}]},
            "values[0].keyResultId",
            "kr-discover-tickets",
        ),
        (
            {
                "values": [
                    {"keyResultId": "kr-identity-fraud", "value": 0.1},
                    {"keyResultId": "kr-identity-fraud", "value": 0.2},
                ]
            },
            "values[1].keyResultId",
            "kr-identity-fraud",
        ),
        (
            {
                "values": [
                    {"keyResultId": "kr-identity-fraud", "value": 0.1, "observedAt": "2099-01-01T00:00:00Z"}
                ]
            },
            "values[0].observedAt",
            "2099-01-01T00:00:00+00:00",
        ),
        (
            {
                "values": [
                    {"keyResultId": "kr-identity-fraud", "value": 0.1, "observedAt": "2026-01-01T00:00:00"}
                ]
            },
            "values[0].observedAt",
            "2026-01-01T00:00:00",
        ),
    ],
)
async def test_invalid_check_ins_name_the_field_and_write_nothing(
    gql: GraphQL, db: Database, changes: dict[str, Any], field: str, value: Any
) -> None:
    nodes, edges = await count_nodes(db), await count_edges(db)
    error = await gql.error(RECORD, input=check_in(**changes))
    assert error["extensions"] == {"code": "VALIDATION", "field": field, "value": value}
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)


async def test_unknown_and_archived_objectives_are_refused(gql: GraphQL, db: Database) -> None:
    error = await gql.error(RECORD, input=check_in(objectiveId="obj-nope", values=[]))
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "objectiveId", "value": "obj-nope"}
    await gql.ok('mutation { archiveObjective(id: "obj-identity-q1") { id } }')
    nodes = await count_nodes(db)
    error = await gql.error(RECORD, input=check_in())
    assert error["extensions"] == {"code": "CONFLICT", "field": "objectiveId", "value": "obj-identity-q1"}
    assert await count_nodes(db) == nodes


async def test_check_ins_page_newest_first_with_cursors(gql: GraphQL) -> None:
    seen: list[int] = []
    after = None
    while True:
        page = (await objective(gql, first=4, after=after))["checkIns"]
        assert page["totalCount"] == 6
        seen.extend(n["confidence"] for n in page["nodes"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [3, 6, 6, 6, 7, 7]
    latest = (await objective(gql, first=1))["checkIns"]["nodes"][0]
    assert latest["createdAt"] == "2026-02-09T09:00:00+00:00"
    assert latest["issues"] == [
        "The vendor paused its SDK update until April",
        "1,200 sign-ups wait in the manual review queue",
    ]
    assert sorted((v["keyResult"]["id"], v["value"]) for v in latest["values"]) == [
        ("kr-identity-fraud", 0.08),
        ("kr-identity-instant-verification", 30.0),
    ]
    error = await gql.error(CHECK_INS, id="obj-identity-q1", first=2, after="bm9wZQ==")
    assert error["extensions"]["code"] == "VALIDATION" and error["extensions"]["field"] == "after"


@pytest.mark.parametrize(
    ("id", "direction", "change", "confidences"),
    [
        ("obj-identity-q1", "FALLING", -4, [7, 7, 6, 6, 6, 3]),
        ("obj-discover-q1", "RISING", 2, [5, 6, 6, 7, 7, 7]),
        ("obj-care-q1", "STEADY", 0, [6, 6, 6]),
        ("obj-sme-onboarding-q1", "STEADY", -1, [6, 6, 5]),
        ("obj-payments-q1", "STEADY", None, []),
    ],
)
async def test_confidence_trend_on_the_demo(
    gql: GraphQL, id: str, direction: str, change: int | None, confidences: list[int]
) -> None:
    found = await objective(gql, id=id)
    trend = found["confidenceTrend"]
    assert (trend["direction"], trend["change"]) == (direction, change)
    assert [p["confidence"] for p in trend["points"]] == confidences
    ats = [p["at"] for p in trend["points"]]
    assert ats == sorted(ats)
    if confidences:
        assert found["confidence"] == confidences[-1]  # the objective's confidence is its latest check-in's
        assert found["lastCheckInAt"] == ats[-1]
    else:
        assert found["lastCheckInAt"] is None


async def test_a_single_check_in_is_steady(gql: GraphQL) -> None:
    await record(gql, objectiveId="obj-payments-q1", values=[], confidence=2)
    trend = (await objective(gql, id="obj-payments-q1"))["confidenceTrend"]
    assert (trend["direction"], trend["change"], len(trend["points"])) == ("STEADY", None, 1)


PAGE = """
query($first: Int!) {
  objectives(first: $first, tier: TEAM) {
    nodes {
      id lastCheckInAt
      checkIns(first: 3) { totalCount nodes { confidence values { value keyResult { id } } } }
      confidenceTrend { direction points { confidence } }
    }
  }
}
"""


async def test_check_ins_of_many_objectives_cost_a_fixed_number_of_queries(
    gql: GraphQL, db: Database
) -> None:
    async def cost(query: str, first: int) -> tuple[int, list[dict[str, Any]]]:
        before = db.query_count
        nodes = (await gql.ok(query, first=first))["objectives"]["nodes"]
        return db.query_count - before, nodes

    bare, _ = await cost("query($first: Int!) { objectives(first: $first, tier: TEAM) { nodes { id } } }", 7)
    few_queries, few = await cost(PAGE, 2)
    many_queries, many = await cost(PAGE, 7)
    assert len(few) == 2 and len(many) == 7
    # check-in pages + their counts + confidence points + key results: one query each, never one per objective.
    assert few_queries == many_queries == bare + 4, (bare, few_queries, many_queries)
    by_id = {n["id"]: n for n in many}
    assert by_id["obj-identity-q1"]["checkIns"]["totalCount"] == 6
    assert [n["confidence"] for n in by_id["obj-identity-q1"]["checkIns"]["nodes"]] == [3, 6, 6]
    assert by_id["obj-sre-q1"]["checkIns"] == {"totalCount": 0, "nodes": []}


async def test_the_demo_check_ins_agree_with_the_demo_figures(
    gql: GraphQL, db: Database, demo: dict[str, int]
) -> None:
    assert (demo["CheckIn"], demo["Measurement"], demo["Retrospective"]) == (18, 47, 2)
    edges = await db.driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
    counts = {record["type"]: record["n"] for record in edges.records}
    assert {
        t: counts[t] for t in ("HAS_CHECK_IN", "RECORDED", "HAS_MEASUREMENT", "HAS_RETROSPECTIVE", "SCORED")
    } == {"HAS_CHECK_IN": 18, "RECORDED": 17, "HAS_MEASUREMENT": 47, "HAS_RETROSPECTIVE": 2, "SCORED": 3}
    assert counts["IN_CYCLE"] == 17  # 12 objectives, 3 priorities, 2 retrospectives (docs/DEMO.md)
    query = "{ keyResults(first: 100) { nodes { id current lastObservedAt history(first: 1) { totalCount nodes { value observedAt } } } } }"
    recorded = [k for k in (await gql.ok(query))["keyResults"]["nodes"] if k["history"]["totalCount"]]
    assert len(recorded) == 14  # 5 from check-ins, 9 more from analytics (graph/seed/demo_history.py)
    for kr in recorded:
        [latest] = kr["history"]["nodes"]
        assert (kr["current"], kr["lastObservedAt"]) == (latest["value"], latest["observedAt"]), kr["id"]


async def test_a_check_in_created_earlier_but_committed_later_does_not_move_confidence_back(
    gql: GraphQL, db: Database
) -> None:
    async def at(moment: dt.datetime, confidence: int) -> None:
        await checkins.record_check_in(
            db,
            objective_id="obj-identity-q1",
            confidence=confidence,
            values=[],
            issues=[],
            plan="Keep going.",
            author="Priya",
            now=moment,
        )

    await at(NOW, 8)
    await at(NOW - dt.timedelta(minutes=1), 2)  # took createdAt first, committed second
    found = await objective(gql)
    assert found["confidence"] == 8
    assert dt.datetime.fromisoformat(found["lastCheckInAt"]) == NOW
    assert [p["confidence"] for p in found["confidenceTrend"]["points"][-2:]] == [2, 8]
    await at(NOW + dt.timedelta(seconds=1), 5)
    assert (await objective(gql))["confidence"] == 5
