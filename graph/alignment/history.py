"""Progress over time: a key result's or an objective's progress on each day of a series, from history.

Two queries, however many points: the roll-up's shape (alignment/rollup, today's edges and shares) and each
objective's key-result progress summed per day (alignment/objectives_on_days; a key result's own series reads
alignment/key_results_on_days). Own progress and the roll-up per day are then
computed here with the same rules as `rollup` (graph/alignment/rollup.py's roll_up), so each point equals the
as-of answer for its day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.alignment.rollup import Rollup, Share, roll_up, rollup
from graph.core.db import Database
from graph.core.errors import NotFoundError, ValidationError, not_found
from graph.core.history import values_on
from graph.core.models import KeyResultKind

MAX_POINTS = 400  # a weekly series of almost eight years; a monthly one of over thirty


class Interval(StrEnum):
    WEEK = "WEEK"
    MONTH = "MONTH"


class MissingReason(StrEnum):
    """Why a point has no progress."""

    NO_MEASUREMENT_YET = "NO_MEASUREMENT_YET"  # a METRIC or KBI with no measurement observed by the day
    NOT_MEASURABLE = "NOT_MEASURABLE"  # no target, or no baseline to move from (a KPI in disguise)
    NO_KEY_RESULT_PROGRESS = "NO_KEY_RESULT_PROGRESS"  # an objective none of whose KRs has progress then


@dataclass(frozen=True)
class HistoryPoint:
    day: dt.date
    value: float | None  # a key result's value; null for an objective
    observed_at: dt.datetime | None  # when that value was observed
    progress: float | None  # a KR's progress, an objective's own
    rolled_up_progress: float | None  # an objective's roll-up; null for a KR or when nothing counts toward it
    missing_reason: MissingReason | None  # why progress is null


@dataclass(frozen=True)
class ObjectiveDays:
    """Every objective of a roll-up on every day: own progress and rolled-up progress, by objective id."""

    days: list[dt.date]
    rollup: Rollup
    own: list[dict[str, float | None]]
    rolled: list[dict[str, float | None]]


def series_days(start: dt.date, end: dt.date, interval: Interval) -> list[dt.date]:
    """Return `start` and each interval after it up to `end` (a month later keeps the day, or the month's last)."""
    if end < start:
        raise ValidationError(f"to {end} is before from {start}", field="to", value=end.isoformat())
    days: list[dt.date] = []
    step = 0
    while (day := _shift(start, interval, step)) <= end:
        if len(days) == MAX_POINTS:
            raise ValidationError(
                f"from {start} to {end} by {interval} is more than {MAX_POINTS} points",
                field="to",
                value=end.isoformat(),
            )
        days.append(day)
        step += 1
    return days


def _shift(start: dt.date, interval: Interval, step: int) -> dt.date:
    if interval is Interval.WEEK:
        return start + dt.timedelta(weeks=step)
    months = start.month - 1 + step
    year, month = start.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


async def _key_results_on(db: Database, ids: list[str], days: Sequence[dt.date]) -> list[dict[str, Any]]:
    return await db.read("alignment/key_results_on_days", ids=ids, days=[values_on(day) for day in days])


def _reason(kind: str, value: float | None) -> MissingReason:
    measured = KeyResultKind(kind) is not KeyResultKind.MILESTONE
    return MissingReason.NO_MEASUREMENT_YET if measured and value is None else MissingReason.NOT_MEASURABLE


async def objectives_on_days(db: Database, *, objective_id: str, days: Sequence[dt.date]) -> ObjectiveDays:
    """Return the own and rolled-up progress of an objective and of all that counts toward it, on each day."""
    shape = await rollup(db, objective_id=objective_id)  # NOT_FOUND for an unknown objective
    ids = [objective_id, *dict.fromkeys(c.child_id for c in shape.contributions)]
    # Per objective and day, [weight, progress] of each of its KRs (one row per objective, not per KR and day).
    rows = await db.read("alignment/objectives_on_days", ids=ids, days=[values_on(day) for day in days])
    krs = {row["id"]: row["days"] for row in rows}
    own = [{id: _own(krs[id][i] if id in krs else []) for id in ids} for i in range(len(days))]
    shares = [Share(c.parent_id, c.child_id, c.share) for c in shape.contributions]
    methods = {objective_id: shape.method} | {c.child_id: c.child_method for c in shape.contributions}
    rolled = [roll_up(shares, own_progress=progress, methods=methods) for progress in own]
    return ObjectiveDays(list(days), shape, own, rolled)


async def progress_history(
    db: Database, *, id: str, start: dt.date, end: dt.date, interval: Interval
) -> list[HistoryPoint]:
    """Return one point per interval from `start` to `end` for a key result or an objective (NOT_FOUND else)."""
    days = series_days(start, end, interval)
    try:
        found = await objectives_on_days(db, objective_id=id, days=days)
    except NotFoundError:
        rows = await _key_results_on(db, [id], days)
        if not rows:
            raise not_found("key result or objective", "id", id) from None
        return [
            HistoryPoint(
                day=days[row["dayIndex"]],
                value=row["value"],
                observed_at=_moment(row["observedAt"]),
                progress=row["progress"],
                rolled_up_progress=None,
                missing_reason=None if row["progress"] is not None else _reason(row["kind"], row["value"]),
            )
            for row in rows
        ]
    return [
        HistoryPoint(
            day=day,
            value=None,
            observed_at=None,
            progress=(progress := found.own[i][id]),
            rolled_up_progress=found.rolled[i].get(id),
            missing_reason=None if progress is not None else MissingReason.NO_KEY_RESULT_PROGRESS,
        )
        for i, day in enumerate(days)
    ]


def _own(key_results: list[list[float | None]]) -> float | None:
    """An objective's own progress on a day: the weighted mean over its KRs with progress then, else None."""
    weighted = weights = 0.0
    for weight, progress in key_results:
        if progress is not None and weight is not None:
            weighted += progress * weight
            weights += weight
    return weighted / weights if weights > 0 else None


def _moment(text: str | None) -> dt.datetime | None:
    """The ISO text Cypher's toString gives a datetime (without a zone name in brackets, if any)."""
    return None if text is None else dt.datetime.fromisoformat(text.split("[", 1)[0])
