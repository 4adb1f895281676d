"""Values that used to sink a whole push (INTERNAL) or break progress: each is REJECTED on its own, the others
are stored."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import GraphQL
from tests.integrations.test_push_values import PUSH, key_result, value

pytestmark = pytest.mark.usefixtures("demo")


async def raw_push(gql: GraphQL, *values: dict[str, Any]) -> dict[str, Any]:
    """Push with the JSON written by json.dumps, so a lone surrogate travels as the escape "\\ud800"."""
    body = json.dumps({"query": PUSH, "variables": {"values": list(values)}}).encode()
    headers = {"Authorization": f"Bearer {gql.token}", "Content-Type": "application/json"}
    response = await gql.http.post("/graphql", content=body, headers=headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    assert "errors" not in answer, answer["errors"]
    result: dict[str, Any] = answer["data"]["pushKeyResultValues"]
    return result


async def test_bad_values_are_rejected_one_by_one_and_the_good_ones_stored(gql: GraphQL) -> None:
    result = await raw_push(
        gql,
        value(70.0, days_ago=2),
        {**value(1.0), "observedAt": "0001-01-01T00:00:00+01:00"},
        value(2.0, source="amp\ud800litude"),
        value(3.0, idempotencyKey="key-\ud800"),
        value(4.0, kr="kr-\udfff"),
        value(5.0, kr=None, externalKey="amplitude:\ud800"),
        value(80.0, days_ago=1, idempotencyKey="fine"),
    )
    assert [(i["status"], i["reason"]) for i in result["items"]] == [
        ("ACCEPTED", None),
        ("REJECTED", "OBSERVED_AT_OUT_OF_RANGE"),
        ("REJECTED", "INVALID_TEXT"),
        ("REJECTED", "INVALID_TEXT"),
        ("REJECTED", "INVALID_TEXT"),
        ("REJECTED", "INVALID_TEXT"),
        ("ACCEPTED", None),
    ]
    assert "values[1].observedAt" in result["items"][1]["message"]
    assert "values[2].source" in result["items"][2]["message"]
    assert "\\ud800" in result["items"][2]["message"]  # shown escaped, never as the raw surrogate
    assert "values[3].idempotencyKey" in result["items"][3]["message"]
    assert "values[4].keyResultId" in result["items"][4]["message"]
    assert "values[5].externalKey" in result["items"][5]["message"]
    kr = await key_result(gql)
    assert sorted(n["value"] for n in kr["history"]["nodes"]) == [70.0, 80.0]
    assert kr["current"] == 80.0


async def test_values_beyond_1e15_are_rejected_one_by_one(gql: GraphQL) -> None:
    result = await raw_push(gql, value(2e15), value(-1.7e308), value(1e15, days_ago=1), value(75.0))
    assert [(i["status"], i["reason"]) for i in result["items"]] == [
        ("REJECTED", "VALUE_OUT_OF_RANGE"),
        ("REJECTED", "VALUE_OUT_OF_RANGE"),
        ("ACCEPTED", None),
        ("ACCEPTED", None),
    ]
    assert "values[0].value" in result["items"][0]["message"]
    assert (await key_result(gql))["current"] == 75.0


async def test_a_date_that_overflows_at_the_other_end_is_rejected_too(gql: GraphQL) -> None:
    result = await raw_push(gql, {**value(1.0), "observedAt": "9999-12-31T23:59:59-01:00"}, value(75.0))
    assert [(i["status"], i["reason"]) for i in result["items"]] == [
        ("REJECTED", "OBSERVED_AT_OUT_OF_RANGE"),
        ("ACCEPTED", None),
    ]


@pytest.mark.parametrize(
    ("argument", "bound"), [("from", "0001-01-01T00:00:00+01:00"), ("to", "9999-12-31T23:59:59-01:00")]
)
async def test_a_history_bound_out_of_range_in_utc_is_validation(
    gql: GraphQL, argument: str, bound: str
) -> None:
    query = (
        f'{{ keyResult(id: "kr-discover-completion") {{ history({argument}: "{bound}") {{ totalCount }} }} }}'
    )
    error = await gql.error(query)
    assert error["extensions"] == {"code": "VALIDATION", "field": argument, "value": bound}


async def test_a_check_in_value_observed_out_of_range_is_validation(gql: GraphQL) -> None:
    error = await gql.error(
        """mutation { recordCheckIn(input: {objectiveId: "obj-identity-q1", confidence: 5, author: "Sam", plan: "Ship",
             values: [{keyResultId: "kr-identity-instant-verification", value: 1,
                       observedAt: "0001-01-01T00:00:00+01:00"}]}) { id } }"""
    )
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION",
        "values[0].observedAt",
    )
