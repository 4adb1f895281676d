"""The per-item checks of pushed values, before anything reaches Neo4j (GraphQL Float cannot carry inf or NaN)."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.integrations.push_checks import PushedValue, PushReason, PushStatus, check_value

NOW = dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC)


def item(**changes: object) -> PushedValue:
    fields: dict[str, object] = {
        "value": 70.0,
        "observed_at": NOW,
        "source": "amplitude",
        "key_result_id": "kr-discover-completion",
    }
    fields.update(changes)
    return PushedValue(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"value": float("inf")}, PushReason.NON_FINITE_VALUE),
        ({"value": float("-inf")}, PushReason.NON_FINITE_VALUE),
        ({"value": float("nan")}, PushReason.NON_FINITE_VALUE),
        ({"value": 1.0000001e15}, PushReason.VALUE_OUT_OF_RANGE),
        ({"value": -1.7e308}, PushReason.VALUE_OUT_OF_RANGE),
        ({"key_result_id": None}, PushReason.KEY_RESULT_MISSING),
        ({"external_key": "amplitude:x"}, PushReason.KEY_RESULT_AMBIGUOUS),
        ({"observed_at": NOW.replace(tzinfo=None)}, PushReason.OBSERVED_AT_WITHOUT_TIMEZONE),
        ({"observed_at": NOW + dt.timedelta(minutes=6)}, PushReason.OBSERVED_IN_FUTURE),
        ({"source": " "}, PushReason.INVALID_SOURCE),
        ({"source": "x" * 101}, PushReason.INVALID_SOURCE),
        ({"idempotency_key": ""}, PushReason.INVALID_IDEMPOTENCY_KEY),
        ({"idempotency_key": "k" * 201}, PushReason.INVALID_IDEMPOTENCY_KEY),
    ],
)
def test_bad_items_are_rejected_with_a_reason(changes: dict[str, object], reason: PushReason) -> None:
    result = check_value(3, item(**changes), NOW)
    assert result is not None
    assert (result.index, result.status, result.reason) == (3, PushStatus.REJECTED, reason)
    assert result.message and result.message.startswith("values[3]")


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"observed_at": NOW + dt.timedelta(minutes=4)},
        {"observed_at": dt.datetime(2026, 2, 1, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
        {"key_result_id": None, "external_key": "amplitude:onboarding_completion"},
        {"value": -1e15, "idempotency_key": "k" * 200},
    ],
)
def test_good_items_pass(changes: dict[str, object]) -> None:
    assert check_value(0, item(**changes), NOW) is None
