"""Alignment Graph API types, generated from schema.graphql by clients/python/generate_types.py: do not edit.

Regenerate with `aligngraph export-schema` or `python clients/python/generate_types.py`; a test compares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Direction(StrEnum):
    """Which way a metric should move; STAY_* are guard-rails around a threshold."""

    INCREASE = "INCREASE"
    DECREASE = "DECREASE"
    STAY_AT_OR_ABOVE = "STAY_AT_OR_ABOVE"
    STAY_AT_OR_BELOW = "STAY_AT_OR_BELOW"


class KeyResultKind(StrEnum):
    """A metric movement, a milestone, or a KBI."""

    METRIC = "METRIC"
    MILESTONE = "MILESTONE"
    KBI = "KBI"


class PushReason(StrEnum):
    """Why a value was rejected, or why it is a duplicate."""

    KEY_RESULT_MISSING = "KEY_RESULT_MISSING"
    KEY_RESULT_AMBIGUOUS = "KEY_RESULT_AMBIGUOUS"
    NON_FINITE_VALUE = "NON_FINITE_VALUE"
    VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE"
    OBSERVED_AT_WITHOUT_TIMEZONE = "OBSERVED_AT_WITHOUT_TIMEZONE"
    OBSERVED_IN_FUTURE = "OBSERVED_IN_FUTURE"
    OBSERVED_AT_OUT_OF_RANGE = "OBSERVED_AT_OUT_OF_RANGE"
    INVALID_TEXT = "INVALID_TEXT"
    INVALID_SOURCE = "INVALID_SOURCE"
    INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY"
    UNKNOWN_KEY_RESULT = "UNKNOWN_KEY_RESULT"
    ARCHIVED_KEY_RESULT = "ARCHIVED_KEY_RESULT"
    CYCLE_CLOSED = "CYCLE_CLOSED"
    FORBIDDEN = "FORBIDDEN"
    DUPLICATE_IDEMPOTENCY_KEY = "DUPLICATE_IDEMPOTENCY_KEY"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"


class PushStatus(StrEnum):
    """What happened to one pushed value."""

    ACCEPTED = "ACCEPTED"
    DUPLICATE = "DUPLICATE"
    REJECTED = "REJECTED"


@dataclass(frozen=True, kw_only=True)
class KeyResultValueInput:
    """One value of a key result, named by exactly one of keyResultId or externalKey."""

    #: The value, in the key result's unit; from -1e15 to 1e15.
    value: float
    #: When the value was true, with a time zone; at most 5 minutes in the future.
    observed_at: dt.datetime
    #: Who measured it: a person or an integration (1-100 characters).
    source: str
    #: The key result's id; or give externalKey instead.
    key_result_id: str | None = None
    #: The key an integration set on the key result, e.g. amplitude:onboarding_completion.
    external_key: str | None = None
    #: Sent again, the value is a DUPLICATE and writes nothing (1-200 characters).
    idempotency_key: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object of a GraphQL variable, without the fields that are None."""
        data: dict[str, Any] = {}
        data["value"] = self.value
        data["observedAt"] = self.observed_at.isoformat()
        data["source"] = self.source
        if self.key_result_id is not None:
            data["keyResultId"] = self.key_result_id
        if self.external_key is not None:
            data["externalKey"] = self.external_key
        if self.idempotency_key is not None:
            data["idempotencyKey"] = self.idempotency_key
        return data


@dataclass(frozen=True)
class PushResult:
    """The outcome of a push: counts, and one result per value in input order."""

    SELECTION: ClassVar[str] = (
        "accepted duplicates rejected items { index status reason message keyResultId measurementId }"
    )

    #: How many values were stored.
    accepted: int
    #: How many were pushed before (same idempotencyKey).
    duplicates: int
    #: How many were refused.
    rejected: int
    #: One result per value, in the order of `values`.
    items: list[PushItemResult]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PushResult:
        """Build it from a response's JSON object."""
        return cls(
            accepted=data["accepted"],
            duplicates=data["duplicates"],
            rejected=data["rejected"],
            items=[PushItemResult.from_json(item) for item in data["items"]],
        )


@dataclass(frozen=True)
class PushItemResult:
    """What happened to one pushed value."""

    SELECTION: ClassVar[str] = "index status reason message keyResultId measurementId"

    #: Its position in `values`.
    index: int
    #: ACCEPTED, DUPLICATE or REJECTED.
    status: PushStatus
    #: Why it was rejected or is a duplicate; null when ACCEPTED.
    reason: PushReason | None
    #: What went wrong, for people; null when ACCEPTED.
    message: str | None
    #: The key result the value went to; null when none was found.
    key_result_id: str | None
    #: The measurement written, or for a DUPLICATE the one stored before.
    measurement_id: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PushItemResult:
        """Build it from a response's JSON object."""
        return cls(
            index=data["index"],
            status=PushStatus(data["status"]),
            reason=None if data["reason"] is None else PushReason(data["reason"]),
            message=data["message"],
            key_result_id=data["keyResultId"],
            measurement_id=data["measurementId"],
        )


@dataclass(frozen=True)
class KeyResult:
    """A measurable result of one objective."""

    SELECTION: ClassVar[str] = (
        "id title kind direction unit baseline target current done weight progress externalKey lastObservedAt"
    )

    #: Its id: given at creation, or a UUID.
    id: str
    #: The result in words, e.g. "onboarding completion from 65% to 90%".
    title: str
    #: METRIC, MILESTONE or KBI.
    kind: KeyResultKind
    #: Which way current should move; null for a MILESTONE.
    direction: Direction | None
    #: What baseline, target and current are counted in, e.g. "%"; null when not given.
    unit: str | None
    #: Where the metric stood when the key result was set; null for a MILESTONE or when not given.
    baseline: float | None
    #: Where it should get to (for STAY_* directions, the threshold to hold); null for a MILESTONE.
    target: float | None
    #: Where it stands: the latest observed value in its history, or the value it was created with.
    current: float | None
    #: Whether a MILESTONE is reached.
    done: bool
    #: Its share of the objective's progress.
    weight: float
    #: Movement from baseline towards target, clamped to 0..1 (either direction); guard-rails are 1 while
    #: held; milestones 1 when done.
    progress: float | None
    #: The key integrations push values under.
    external_key: str | None
    #: When the latest observed value in its history was measured; null before any push.
    last_observed_at: dt.datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyResult:
        """Build it from a response's JSON object."""
        return cls(
            id=data["id"],
            title=data["title"],
            kind=KeyResultKind(data["kind"]),
            direction=None if data["direction"] is None else Direction(data["direction"]),
            unit=data["unit"],
            baseline=None if data["baseline"] is None else float(data["baseline"]),
            target=None if data["target"] is None else float(data["target"]),
            current=None if data["current"] is None else float(data["current"]),
            done=data["done"],
            weight=float(data["weight"]),
            progress=None if data["progress"] is None else float(data["progress"]),
            external_key=data["externalKey"],
            last_observed_at=None if data["lastObservedAt"] is None else _datetime(data["lastObservedAt"]),
        )


@dataclass(frozen=True)
class Measurement:
    """One value of a key result at a point in time, from a source."""

    SELECTION: ClassVar[str] = "id value observedAt receivedAt source idempotencyKey"

    #: The measurement's id (a UUID).
    id: str
    #: The value, in the key result's unit.
    value: float
    #: When the value was true (the source's clock).
    observed_at: dt.datetime
    #: When the service stored it.
    received_at: dt.datetime
    #: Who measured it: as pushed, "check-in" for a check-in, "manual:<token name>" for an edit.
    source: str
    #: The key it was pushed with; null when none.
    idempotency_key: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measurement:
        """Build it from a response's JSON object."""
        return cls(
            id=data["id"],
            value=float(data["value"]),
            observed_at=_datetime(data["observedAt"]),
            received_at=_datetime(data["receivedAt"]),
            source=data["source"],
            idempotency_key=data["idempotencyKey"],
        )


@dataclass(frozen=True)
class MeasurementConnection:
    """One page of a list, in id order unless its field says otherwise."""

    SELECTION: ClassVar[str] = (
        "pageInfo { hasNextPage endCursor } totalCount nodes { id value observedAt receivedAt source "
        "idempotencyKey }"
    )

    #: Whether more items follow, and the cursor to get them.
    page_info: PageInfo
    #: How many items match, over all pages (costs one more query).
    total_count: int
    #: The nodes of this page, without cursors.
    nodes: list[Measurement]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeasurementConnection:
        """Build it from a response's JSON object."""
        return cls(
            page_info=PageInfo.from_json(data["pageInfo"]),
            total_count=data["totalCount"],
            nodes=[Measurement.from_json(item) for item in data["nodes"]],
        )


@dataclass(frozen=True)
class PageInfo:
    """Where a page ends, and whether another follows."""

    SELECTION: ClassVar[str] = "hasNextPage endCursor"

    #: True when more items follow this page.
    has_next_page: bool
    #: The last item's cursor: pass it as `after` for the next page; null for an empty page.
    end_cursor: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageInfo:
        """Build it from a response's JSON object."""
        return cls(
            has_next_page=data["hasNextPage"],
            end_cursor=data["endCursor"],
        )
