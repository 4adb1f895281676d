"""Pushed key-result values: what an integration sends, what happens to each, and the checks before Neo4j."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum

from graph.core.progress import MAX_MAGNITUDE
from graph.core.text import is_text

MAX_VALUES = 10_000
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


class PushStatus(StrEnum):
    ACCEPTED = "ACCEPTED"
    DUPLICATE = "DUPLICATE"
    REJECTED = "REJECTED"


class PushReason(StrEnum):
    KEY_RESULT_MISSING = "KEY_RESULT_MISSING"
    KEY_RESULT_AMBIGUOUS = "KEY_RESULT_AMBIGUOUS"
    NON_FINITE_VALUE = "NON_FINITE_VALUE"
    # |value| > 1e15 (graph.core.progress.MAX_MAGNITUDE), the bound of every KR number.
    VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE"
    OBSERVED_AT_WITHOUT_TIMEZONE = "OBSERVED_AT_WITHOUT_TIMEZONE"
    OBSERVED_IN_FUTURE = "OBSERVED_IN_FUTURE"
    # observedAt is a date the server can't convert to UTC (e.g. 0001-01-01T00:00:00+01:00).
    OBSERVED_AT_OUT_OF_RANGE = "OBSERVED_AT_OUT_OF_RANGE"
    # A text field holds a lone UTF-16 surrogate (a JSON "\ud800" escape), which Neo4j can't store.
    INVALID_TEXT = "INVALID_TEXT"
    INVALID_SOURCE = "INVALID_SOURCE"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    UNKNOWN_KEY_RESULT = "UNKNOWN_KEY_RESULT"
    ARCHIVED_KEY_RESULT = "ARCHIVED_KEY_RESULT"
    # The key result's objective is in a closed cycle, which freezes it (closeCycle).
    CYCLE_CLOSED = "CYCLE_CLOSED"
    # The push token is restricted to other teams' key results.
    FORBIDDEN = "FORBIDDEN"
    DUPLICATE_IDEMPOTENCY_KEY = "DUPLICATE_IDEMPOTENCY_KEY"
    # The idempotency key was stored for another key result: keys are global, so this is a client's bug.
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


@dataclass(frozen=True)
class PushedValue:
    """One value as an integration sends it."""

    value: float
    observed_at: dt.datetime
    source: str
    key_result_id: str | None = None
    external_key: str | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class ItemResult:
    """What happened to one pushed value."""

    index: int
    status: PushStatus
    reason: PushReason | None = None
    message: str | None = None
    key_result_id: str | None = None
    measurement_id: str | None = None


def reject(index: int, reason: PushReason, message: str) -> ItemResult:
    return ItemResult(index=index, status=PushStatus.REJECTED, reason=reason, message=message)


def check_value(index: int, item: PushedValue, now: dt.datetime) -> ItemResult | None:
    """Return why one value is rejected before touching the database, or None when it is well formed."""
    at = f"values[{index}]"
    if (item.key_result_id is None) == (item.external_key is None):
        reason = (
            PushReason.KEY_RESULT_MISSING if item.key_result_id is None else PushReason.KEY_RESULT_AMBIGUOUS
        )
        return reject(index, reason, f"{at} must name exactly one of keyResultId or externalKey")
    if not math.isfinite(item.value):
        return reject(index, PushReason.NON_FINITE_VALUE, f"{at}.value must be finite, got {item.value!r}")
    if abs(item.value) > MAX_MAGNITUDE:
        return reject(
            index,
            PushReason.VALUE_OUT_OF_RANGE,
            f"{at}.value must be from -1e15 to 1e15, got {item.value!r}",
        )
    texts = {
        "keyResultId": item.key_result_id,
        "externalKey": item.external_key,
        "source": item.source,
        "idempotencyKey": item.idempotency_key,
    }
    for field, text in texts.items():
        if text is not None and not is_text(text):
            return reject(
                index,
                PushReason.INVALID_TEXT,
                f"{at}.{field} {text[:50]!r} is not valid Unicode text (it holds a lone UTF-16 surrogate)",
            )
    if item.observed_at.tzinfo is None or item.observed_at.utcoffset() is None:
        return reject(
            index,
            PushReason.OBSERVED_AT_WITHOUT_TIMEZONE,
            f"{at}.observedAt {item.observed_at.isoformat()} must carry a time zone",
        )
    try:
        item.observed_at.astimezone(dt.UTC)
    except OverflowError:
        return reject(
            index,
            PushReason.OBSERVED_AT_OUT_OF_RANGE,
            f"{at}.observedAt {item.observed_at.isoformat()} is out of range once converted to UTC",
        )
    if item.observed_at > now + FUTURE_TOLERANCE:
        return reject(
            index,
            PushReason.OBSERVED_IN_FUTURE,
            f"{at}.observedAt {item.observed_at.isoformat()} is more than 5 minutes after now "
            f"({now.isoformat(timespec='seconds')})",
        )
    if not 1 <= len(item.source.strip()) <= 100:
        return reject(
            index, PushReason.INVALID_SOURCE, f"{at}.source {item.source[:50]!r} must be 1-100 characters"
        )
    key = item.idempotency_key
    if key is not None and not 1 <= len(key) <= 200:
        return reject(
            index,
            PushReason.INVALID_IDEMPOTENCY_KEY,
            f"{at}.idempotencyKey {key[:50]!r} must be 1-200 characters",
        )
    return None
