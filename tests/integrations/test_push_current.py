"""Which pushed value becomes a key result's current: the latest observed, a tie going to the latest received.

A push reads a KR's history only when its new values may not be the latest (late, tied, or the KR has no
lastObservedAt yet); these tests cover both paths and where they meet, against the stored history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

PUSH = """
mutation($values: [KeyResultValueInput!]!) {
  pushKeyResultValues(values: $values) { accepted duplicates rejected items { status reason } }
}
"""
KR = """
query($id: ID!) {
  keyResult(id: $id) {
    current progress lastObservedAt
    history(first: 100) { totalCount nodes { value observedAt } }
  }
}
"""
COMPLETION, TUTORIAL = "kr-discover-completion", "kr-discover-tutorial"  # 65% -> 90% and 15% -> 50%, INCREASE
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def value(v: float, *, days_ago: float = 0, kr: str = COMPLETION, **extra: Any) -> dict[str, Any]:
    at = (NOW - dt.timedelta(days=days_ago)).isoformat()
    return {"value": v, "observedAt": at, "source": "test", "keyResultId": kr, **extra}


async def push(gql: GraphQL, *values: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.ok(PUSH, values=list(values)))["pushKeyResultValues"]
    return result


async def key_result(gql: GraphQL, id: str = COMPLETION) -> dict[str, Any]:
    kr: dict[str, Any] = (await gql.ok(KR, id=id))["keyResult"]
    return kr


async def stored(db: Database, id: str = COMPLETION) -> tuple[float, float | None]:
    """current and progress as Neo4j holds them (what analysts' Cypher reads)."""
    result = await db.driver.execute_query(
        "MATCH (k:KeyResult {id: $id}) RETURN k.current AS c, k.progress AS p", id=id
    )
    return result.records[0]["c"], result.records[0]["p"]


async def test_a_tie_on_observed_at_goes_to_the_latest_received_and_a_late_value_changes_nothing(
    gql: GraphQL, db: Database
) -> None:
    await push(gql, value(80.0, days_ago=1))
    await push(gql, value(85.0, days_ago=1))  # the same observedAt, received later: it wins
    assert (await key_result(gql))["current"] == 85.0
    await push(gql, value(70.0, days_ago=3))  # late: history only
    kr = await key_result(gql)
    assert kr["current"] == 85.0 and kr["progress"] == pytest.approx(0.8)
    assert dt.datetime.fromisoformat(kr["lastObservedAt"]) == NOW - dt.timedelta(days=1)
    assert sorted(n["value"] for n in kr["history"]["nodes"]) == [70.0, 80.0, 85.0]
    assert await stored(db) == (85.0, pytest.approx(0.8))


async def test_within_one_push_the_latest_observed_wins_and_a_tie_goes_to_the_later_item(
    gql: GraphQL,
) -> None:
    await push(gql, value(60.0, days_ago=5))
    result = await push(
        gql,
        value(75.0, days_ago=2),
        value(77.5, days_ago=1),
        value(66.0, days_ago=4),
        value(30.0, days_ago=1, kr=TUTORIAL),
        value(32.0, days_ago=1, kr=TUTORIAL),  # same observedAt as the item before: the later item wins
    )
    assert result["accepted"] == 5
    completion, tutorial = await key_result(gql), await key_result(gql, TUTORIAL)
    assert (completion["current"], completion["progress"]) == (77.5, pytest.approx(0.5))
    assert (tutorial["current"], tutorial["progress"]) == (32.0, pytest.approx(17 / 35))


async def test_one_push_can_move_one_key_result_and_leave_another_with_a_late_value(
    gql: GraphQL, db: Database
) -> None:
    await push(gql, value(80.0, days_ago=1), value(40.0, days_ago=1, kr=TUTORIAL))
    await push(gql, value(90.0, days_ago=0), value(20.0, days_ago=9, kr=TUTORIAL))
    assert await stored(db) == (90.0, pytest.approx(1.0))
    assert await stored(db, TUTORIAL) == (40.0, pytest.approx(25 / 35))
    assert dt.datetime.fromisoformat(
        (await key_result(gql, TUTORIAL))["lastObservedAt"]
    ) == NOW - dt.timedelta(days=1)


async def test_a_duplicate_never_becomes_current(gql: GraphQL) -> None:
    await push(gql, value(70.0, days_ago=2, idempotencyKey="amp-1"))
    # The same key again, now claiming a newer observation: a DUPLICATE, so the late value next to it decides.
    result = await push(gql, value(99.0, days_ago=0, idempotencyKey="amp-1"), value(67.5, days_ago=3))
    assert [i["status"] for i in result["items"]] == ["DUPLICATE", "ACCEPTED"]
    kr = await key_result(gql)
    assert (kr["current"], kr["progress"]) == (70.0, pytest.approx(0.2))
    assert kr["history"]["totalCount"] == 2


async def test_a_hand_set_current_is_observed_now_so_a_late_push_leaves_it_and_a_newer_one_replaces_it(
    gql: GraphQL, db: Database
) -> None:
    await push(gql, value(80.0, days_ago=1))
    set_current = (
        'mutation { updateKeyResult(id: "kr-discover-completion", input: {current: 50.0}) { current } }'
    )
    assert (await gql.ok(set_current))["updateKeyResult"]["current"] == 50.0
    assert await stored(db) == (50.0, pytest.approx(0.0))  # below the 65% baseline
    await push(gql, value(70.0, days_ago=2))  # late: history only, the hand-set value (observed now) stays
    assert await stored(db) == (50.0, pytest.approx(0.0))
    newer = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat()
    await push(gql, {**value(72.5), "observedAt": newer})  # observed after the edit: it is current
    assert await stored(db) == (72.5, pytest.approx(0.3))
    kr = await key_result(gql)
    assert [n["value"] for n in kr["history"]["nodes"]] == [72.5, 50.0, 80.0, 70.0]


async def test_late_and_tied_values_on_history_the_demo_seeded(gql: GraphQL, db: Database) -> None:
    # The demo's check-ins wrote this KR's history directly; pushes take its current from that history.
    kr_id = "kr-identity-instant-verification"
    before = await key_result(gql, kr_id)
    assert before["history"]["totalCount"] > 1
    last = dt.datetime.fromisoformat(before["lastObservedAt"])
    latest = max(before["history"]["nodes"], key=lambda n: dt.datetime.fromisoformat(n["observedAt"]))
    assert before["current"] == latest["value"]
    late = {"value": 1.0, "observedAt": (last - dt.timedelta(days=1)).isoformat(), "source": "test"}
    await push(gql, {**late, "keyResultId": kr_id})
    after = await key_result(gql, kr_id)
    assert (after["current"], after["lastObservedAt"]) == (before["current"], before["lastObservedAt"])
    assert after["history"]["totalCount"] == before["history"]["totalCount"] + 1
    tie = {"value": 2.0, "observedAt": last.isoformat(), "source": "test", "keyResultId": kr_id}
    await push(gql, tie)  # the same observedAt as the latest, received later: it is current now
    assert (await stored(db, kr_id))[0] == 2.0
    await push(gql, {**late, "value": 3.0, "keyResultId": kr_id})  # late again: the tie winner stays
    assert (await stored(db, kr_id))[0] == 2.0
