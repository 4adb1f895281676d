"""Input rules shared by every mutation: ids, names, text lengths, numbers and dates."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid

from graph.core.errors import ValidationError
from graph.core.models import Direction, KeyResultKind
from graph.core.progress import MAX_MAGNITUDE

NAME_MAX = 200
TEXT_MAX = 4000
URL_MAX = 2000
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$")


def new_id(field: str, value: str | None) -> str:
    """Return the client's id if well formed, or a fresh UUID when none was given."""
    if value is None:
        return str(uuid.uuid4())
    if not _ID.match(value):
        raise ValidationError(
            f"{field} {value!r} must be 1-100 letters, digits, '_', '.', ':' or '-', starting with a letter "
            "or digit",
            field=field,
            value=value,
        )
    return value


def name(field: str, value: str | None) -> str:
    """Return the trimmed name, rejecting missing, empty or over-long ones."""
    if value is None:
        raise ValidationError(f"{field} must not be null", field=field, value=None)
    trimmed = value.strip()
    if not trimmed:
        raise ValidationError(f"{field} must not be empty", field=field, value=value)
    if len(trimmed) > NAME_MAX:
        raise ValidationError(
            f"{field} is {len(trimmed)} characters; the limit is {NAME_MAX}", field=field, value=trimmed[:50]
        )
    return trimmed


def text(field: str, value: str | None, limit: int = TEXT_MAX) -> str | None:
    """Return optional free text, trimmed, rejecting over-long text."""
    if value is None:
        return None
    trimmed = value.strip()
    if len(trimmed) > limit:
        raise ValidationError(
            f"{field} is {len(trimmed)} characters; the limit is {limit}", field=field, value=trimmed[:50]
        )
    return trimmed or None


def external_key(field: str, value: str | None) -> str | None:
    """Accept an integration's key for a key result: 1-200 characters without whitespace, or null."""
    if value is None:
        return None
    if not 1 <= len(value) <= NAME_MAX or any(ch.isspace() for ch in value):
        raise ValidationError(
            f"{field} {value[:50]!r} must be 1-{NAME_MAX} characters without spaces",
            field=field,
            value=value[:50],
        )
    return value


def idempotency_key(value: str | None) -> str | None:
    """Accept a caller's idempotencyKey of 1-200 characters, or null."""
    if value is not None and not 1 <= len(value) <= NAME_MAX:
        raise ValidationError(
            "idempotencyKey must be 1-200 characters", field="idempotencyKey", value=value[:50]
        )
    return value


def finite(field: str, value: float | None) -> float | None:
    """Reject NaN, infinities and numbers beyond ±MAX_MAGNITUDE (1e15)."""
    if value is not None and not (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE):
        raise ValidationError(
            f"{field} must be a finite number from -1e15 to 1e15, got {value!r}",
            field=field,
            value=str(value),
        )
    return value


def confidence(field: str, value: int | None) -> int | None:
    """Accept a confidence from 0 (no chance) to 10 (certain), or null for none given."""
    if value is not None and not 0 <= value <= 10:
        raise ValidationError(f"{field} must be between 0 and 10, got {value}", field=field, value=value)
    return value


def positive(field: str, value: float) -> float:
    """Reject weights that are not finite and above zero."""
    finite(field, value)
    if value <= 0:
        raise ValidationError(f"{field} must be greater than 0, got {value!r}", field=field, value=value)
    return value


def date_range(start: dt.date, end: dt.date) -> None:
    """Require a start date before the end date."""
    if end <= start:
        raise ValidationError(
            f"endDate {end.isoformat()} must be after startDate {start.isoformat()}",
            field="endDate",
            value=end.isoformat(),
        )


def key_result_numbers(
    *,
    kind: KeyResultKind,
    direction: Direction | None,
    baseline: float | None,
    target: float | None,
    current: float | None,
) -> None:
    """Check a KR's numbers: finite, a target for measured KRs, and a movement that matches direction."""
    for field, value in (("baseline", baseline), ("target", target), ("current", current)):
        finite(field, value)
    if kind is KeyResultKind.MILESTONE:
        return
    if direction is None:
        raise ValidationError(f"direction is required for a {kind.value} key result", field="direction")
    if target is None:
        raise ValidationError(f"target is required for a {kind.value} key result", field="target")
    if direction in (Direction.STAY_AT_OR_ABOVE, Direction.STAY_AT_OR_BELOW) or baseline is None:
        return
    if target == baseline:
        raise ValidationError(
            f"target {target} equals baseline {baseline}: a key result must move a metric",
            field="target",
            value=target,
        )
    if direction is Direction.INCREASE and target < baseline:
        raise ValidationError(
            f"target {target} is below baseline {baseline} but direction is INCREASE",
            field="target",
            value=target,
        )
    if direction is Direction.DECREASE and target > baseline:
        raise ValidationError(
            f"target {target} is above baseline {baseline} but direction is DECREASE",
            field="target",
            value=target,
        )
