"""pushKeyResultValues over GraphQL on the demo: history, current, idempotency, per-item rejections, concurrency."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from typing import Any

import pytest

from graph.core.db import Database
from graph.integrations.measurements import push_values
from graph.integrations.push_checks import PushedValue, PushReason, PushStatus
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

PUSH = """
mutation($values: [KeyResultValueInput!]!) {
  pushKeyResultValues(values: $values) {
    accepted duplicates rejected
    items { index status reason message keyResultId measurementId }
  }
}
"""
KR = """
query($id: ID!, $first: Int = 50, $after: String, $from: DateTime, $to: DateTime) {
  keyResult(id: $id) {
    current progress lastObservedAt externalKey
    history(first: $first, after: $after, from: $from, to: $to) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id value observedAt receivedAt source idempotencyKey }
    }
  }
}
"""
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def value(
    v: float, *, days_ago: float = 0, kr: str | None = "kr-discover-completion", **extra: Any
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "value": v,
        "observedAt": (NOW - dt.timedelta(days=days_ago)).isoformat(),
        "source": "amplitude",
        **extra,
    }
    if kr is not None:
        item["keyResultId"] = kr
    return item


async def push(gql: GraphQL, *values: dict[str, Any]) -> dict[str, Any]:
    data = await gql.ok(PUSH, values=list(values))
    result: dict[str, Any] = data["pushKeyResultValues"]
    return result


async def key_result(gql: GraphQL, id: str = "kr-discover-completion", **args: Any) -> dict[str, Any]:
    data = await gql.ok(KR, id=id, **args)
    kr: dict[str, Any] = data["keyResult"]
    return kr


async def test_accepted_value_lands_in_history_and_moves_current_and_progress(gql: GraphQL) -> None:
    result = await push(gql, value(77.5, days_ago=1, idempotencyKey="amp-1"))
    assert (result["accepted"], result["duplicates"], result["rejected"]) == (1, 0, 0)
    item = result["items"][0]
    assert item["status"] == "ACCEPTED" and item["keyResultId"] == "kr-discover-completion"
    kr = await key_result(gql)
    assert kr["current"] == 77.5
    assert kr["progress"] == pytest.approx(0.5)  # 65 -> 90, at 77.5
    assert kr["history"]["totalCount"] == 1
    node = kr["history"]["nodes"][0]
    assert (node["id"], node["value"], node["source"], node["idempotencyKey"]) == (
        item["measurementId"],
        77.5,
        "amplitude",
        "amp-1",
    )
    assert dt.datetime.fromisoformat(kr["lastObservedAt"]) == NOW - dt.timedelta(days=1)


async def test_a_late_value_lands_in_history_without_changing_current(gql: GraphQL, db: Database) -> None:
    await push(gql, value(80.0, days_ago=0))
    await push(gql, value(70.0, days_ago=7))
    kr = await key_result(gql)
    assert kr["current"] == 80.0
    assert kr["progress"] == pytest.approx(0.6)
    assert [n["value"] for n in kr["history"]["nodes"]] == [80.0, 70.0]  # newest observed first
    stored = await db.driver.execute_query(
        "MATCH (k:KeyResult {id: 'kr-discover-completion'}) RETURN k.current AS c, k.progress AS p"
    )
    assert (stored.records[0]["c"], stored.records[0]["p"]) == (80.0, pytest.approx(0.6))


async def test_the_same_idempotency_key_twice_is_a_duplicate_that_writes_nothing(gql: GraphQL) -> None:
    first = await push(gql, value(75.0, idempotencyKey="amp-7"))
    again = await push(gql, value(99.0, idempotencyKey="amp-7"), value(76.0, idempotencyKey="amp-8"))
    assert [i["status"] for i in again["items"]] == ["DUPLICATE", "ACCEPTED"]
    assert again["items"][0]["reason"] == "DUPLICATE_IDEMPOTENCY_KEY"
    assert again["items"][0]["measurementId"] == first["items"][0]["measurementId"]
    within = await push(gql, value(1.0, idempotencyKey="amp-9"), value(2.0, idempotencyKey="amp-9"))
    assert [i["status"] for i in within["items"]] == ["ACCEPTED", "DUPLICATE"]
    kr = await key_result(gql)
    assert kr["history"]["totalCount"] == 3
    assert sorted(n["value"] for n in kr["history"]["nodes"]) == [1.0, 75.0, 76.0]


async def test_a_mixed_batch_gets_a_result_per_item_and_writes_only_the_accepted(gql: GraphQL) -> None:
    await gql.ok('mutation { archiveObjective(id: "obj-sre-q1") { id } }')
    await gql.ok(
        'mutation { updateKeyResult(id: "kr-discover-tutorial", input: {externalKey: "amplitude:tutorial"}) { id } }'
    )
    future = (NOW + dt.timedelta(hours=1)).isoformat()
    result = await push(
        gql,
        value(80.0, days_ago=1),
        value(1.0, kr="kr-nope"),
        {**value(85.0), "observedAt": future},
        value(1.0, kr="kr-sre-failover-drill"),
        value(30.0, kr=None, externalKey="amplitude:tutorial"),
        value(5.0, kr=None),
        value(6.0, kr=None, externalKey="amplitude:nothing"),
    )
    assert [(i["status"], i["reason"]) for i in result["items"]] == [
        ("ACCEPTED", None),
        ("REJECTED", "UNKNOWN_KEY_RESULT"),
        ("REJECTED", "OBSERVED_IN_FUTURE"),
        ("REJECTED", "ARCHIVED_KEY_RESULT"),
        ("ACCEPTED", None),
        ("REJECTED", "KEY_RESULT_MISSING"),
        ("REJECTED", "UNKNOWN_KEY_RESULT"),
    ]
    assert [i["index"] for i in result["items"]] == list(range(7))
    assert (result["accepted"], result["duplicates"], result["rejected"]) == (2, 0, 5)
    assert "kr-nope" in result["items"][1]["message"] and "keyResultId" in result["items"][1]["message"]
    assert "observedAt" in result["items"][2]["message"]
    assert result["items"][4]["keyResultId"] == "kr-discover-tutorial"
    assert (await key_result(gql))["history"]["totalCount"] == 1
    tutorial = await key_result(gql, "kr-discover-tutorial")
    assert (tutorial["current"], tutorial["externalKey"], tutorial["history"]["totalCount"]) == (
        30.0,
        "amplitude:tutorial",
        1,
    )
    assert (await key_result(gql, "kr-sre-failover-drill"))["history"]["totalCount"] == 0


async def test_external_keys_are_checked_and_unique(gql: GraphQL) -> None:
    set_key = "mutation($id: ID!, $key: String) { updateKeyResult(id: $id, input: {externalKey: $key}) { externalKey } }"
    error = await gql.error(set_key, id="kr-discover-completion", key="has space")
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("VALIDATION", "externalKey")
    await gql.ok(set_key, id="kr-discover-completion", key="amplitude:onboarding_completion")
    error = await gql.error(set_key, id="kr-discover-tutorial", key="amplitude:onboarding_completion")
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("CONFLICT", "externalKey")


async def test_more_than_10000_values_is_a_validation_error_on_values(gql: GraphQL) -> None:
    error = await gql.error(PUSH, values=[value(70.0)] * 10_001)
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("VALIDATION", "values")
    assert (await key_result(gql))["history"]["totalCount"] == 0


async def test_history_pages_newest_first_and_filters_by_time(gql: GraphQL) -> None:
    await push(gql, *[value(66.0 + day, days_ago=day) for day in range(5)])
    page = await key_result(gql, first=2)
    assert [n["value"] for n in page["history"]["nodes"]] == [66.0, 67.0]
    assert page["history"]["pageInfo"]["hasNextPage"] and page["history"]["totalCount"] == 5
    rest = await key_result(gql, first=10, after=page["history"]["pageInfo"]["endCursor"])
    assert [n["value"] for n in rest["history"]["nodes"]] == [68.0, 69.0, 70.0]
    assert not rest["history"]["pageInfo"]["hasNextPage"]
    window = await key_result(
        gql,
        **{"from": (NOW - dt.timedelta(days=3)).isoformat(), "to": (NOW - dt.timedelta(days=1)).isoformat()},
    )
    assert [n["value"] for n in window["history"]["nodes"]] == [68.0, 69.0]
    assert window["history"]["totalCount"] == 2
    error = await gql.error(KR, id="kr-discover-completion", after="bm9wZQ==")
    assert error["extensions"]["field"] == "after"


async def test_concurrent_pushes_to_one_key_result_lose_nothing(gql: GraphQL, db: Database) -> None:
    rng = random.Random(4)
    batches = [
        [
            PushedValue(
                value=round(rng.uniform(65, 90), 2),
                observed_at=NOW - dt.timedelta(minutes=rng.randrange(1, 100_000)),
                source=f"client-{client}",
                key_result_id="kr-discover-completion",
            )
            for _ in range(25)
        ]
        for client in range(20)
    ]
    results = await asyncio.gather(*(push_values(db, batch) for batch in batches))
    assert all(r.status is PushStatus.ACCEPTED for batch in results for r in batch)
    sent = [item for batch in batches for item in batch]
    latest = max(sent, key=lambda item: item.observed_at)
    kr = await key_result(gql)
    assert kr["history"]["totalCount"] == len(sent) == 500
    assert kr["current"] == latest.value
    assert dt.datetime.fromisoformat(kr["lastObservedAt"]) == latest.observed_at
    assert kr["progress"] == pytest.approx((latest.value - 65) / 25)


@pytest.mark.parametrize("kr_of", [lambda task: "kr-discover-completion", lambda task: f"kr-{task % 2}"])
async def test_concurrent_pushes_of_one_idempotency_key_write_it_once(
    gql: GraphQL, db: Database, kr_of: Any
) -> None:
    # Two distinct KRs as well: then only the unique constraint, not the KR lock, stands between the pushers.
    ids = {"kr-0": "kr-discover-completion", "kr-1": "kr-discover-tutorial"}
    pushes = [
        push_values(
            db,
            [
                PushedValue(
                    value=70.0 + task,
                    observed_at=NOW,
                    source="retrying-client",
                    key_result_id=ids.get(kr_of(task), kr_of(task)),
                    idempotency_key="amp-once",
                )
            ],
        )
        for task in range(10)
    ]
    results = [batch[0] for batch in await asyncio.gather(*pushes)]
    winners = [r for r in results if r.status is PushStatus.ACCEPTED]
    assert len(winners) == 1
    winner = winners[0]
    for task, result in enumerate(results):
        if result is winner:
            continue
        if ids.get(kr_of(task), kr_of(task)) == winner.key_result_id:
            # The same KR: a retry of the winner, answered with its measurement.
            assert (result.status, result.measurement_id) == (PushStatus.DUPLICATE, winner.measurement_id)
        else:
            # The key was taken for the other KR: refused, without naming that KR or its measurement.
            assert (result.status, result.reason) == (PushStatus.REJECTED, PushReason.IDEMPOTENCY_KEY_REUSED)
            assert result.measurement_id is None
    count = await db.driver.execute_query(
        "MATCH (m:Measurement {idempotencyKey: 'amp-once'}) RETURN count(m) AS n"
    )
    assert count.records[0]["n"] == 1


NEW_KR = """
mutation($id: ID!, $objectiveId: ID!) {
  createKeyResult(input: {id: $id, objectiveId: $objectiveId, title: "Again", kind: METRIC, direction: INCREASE,
                          baseline: 0, target: 100}) { id }
}
"""


@pytest.mark.parametrize("delete", ["deleteKeyResult", "deleteObjective"])
async def test_deleting_a_key_result_frees_the_idempotency_keys_of_its_values(
    gql: GraphQL, delete: str
) -> None:
    def sent(kr: str) -> dict[str, Any]:
        at = (NOW - dt.timedelta(hours=1)).isoformat()
        return {"keyResultId": kr, "value": 5.0, "observedAt": at, "source": "t", "idempotencyKey": "reused"}

    first = (await gql.ok(PUSH, values=[sent("kr-discover-tickets")]))["pushKeyResultValues"]
    assert first["accepted"] == 1
    gone = "kr-discover-tickets" if delete == "deleteKeyResult" else "obj-discover-q1"
    await gql.ok(f"mutation($id: ID!) {{ {delete}(id: $id) {{ id }} }}", id=gone)
    await gql.ok(NEW_KR, id="kr-again", objectiveId="obj-identity-q1")

    again = (await gql.ok(PUSH, values=[sent("kr-again")]))["pushKeyResultValues"]
    assert [i["status"] for i in again["items"]] == ["ACCEPTED"], again
    history = (await gql.ok(KR, id="kr-again"))["keyResult"]["history"]
    assert [(n["value"], n["idempotencyKey"]) for n in history["nodes"]] == [(5.0, "reused")]


async def test_a_key_used_for_another_key_result_is_rejected_without_naming_it(gql: GraphQL) -> None:
    first = await push(gql, value(70.0, idempotencyKey="k-1"))  # to kr-discover-completion
    assert first["accepted"] == 1
    before = await gql.ok(KR, id="kr-discover-tutorial")
    again = await push(gql, value(23.0, kr="kr-discover-tutorial", idempotencyKey="k-1"))
    item = again["items"][0]
    assert (item["status"], item["reason"]) == ("REJECTED", "IDEMPOTENCY_KEY_REUSED")
    assert (item["keyResultId"], item["measurementId"]) == ("kr-discover-tutorial", None)
    assert "kr-discover-completion" not in item["message"]
    assert await gql.ok(KR, id="kr-discover-tutorial") == before
