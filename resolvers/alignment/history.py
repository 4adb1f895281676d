"""GraphQL field `progressHistory`: a key result's or objective's progress over time (graph/alignment/history.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.alignment import history
from graph.alignment.history import Interval, MissingReason
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum

describe_enum(
    Interval,
    "How far apart the points of a series are.",
    {"WEEK": "One point a week.", "MONTH": "One point a month (the same day, or the month's last)."},
    name="HistoryInterval",
)
describe_enum(
    MissingReason,
    "Why a point of a series has no progress.",
    {
        "NO_MEASUREMENT_YET": "The metric had no measurement observed by that day.",
        "NOT_MEASURABLE": "The key result has no target, or no baseline to move from.",
        "NO_KEY_RESULT_PROGRESS": "None of the objective's key results had a progress on that day.",
    },
)


@strawberry.type(description="Where a key result or objective stood on one day, from its history.")
class ProgressPoint:
    id: strawberry.ID = strawberry.field(description="The key result's or objective's id.")
    day: dt.date = strawberry.field(description="The day (values observed by its end, UTC).")
    value: float | None = strawberry.field(
        description="A key result's value: its latest measurement by the day; null for an objective."
    )
    observed_at: dt.datetime | None = strawberry.field(description="When that value was observed.")
    progress: float | None = strawberry.field(
        description="0..1: a key result's progress, an objective's own (its key results' weighted mean)."
    )
    rolled_up_progress: float | None = strawberry.field(
        description="An objective's progress rolled up from what counts toward it, as `rollup(asOf)`."
    )
    missing_reason: MissingReason | None = strawberry.field(description="Why progress is null; else null.")

    @classmethod
    def of(cls, id: str, m: history.HistoryPoint) -> ProgressPoint:
        return cls(
            id=strawberry.ID(id),
            day=m.day,
            value=m.value,
            observed_at=m.observed_at,
            progress=m.progress,
            rolled_up_progress=m.rolled_up_progress,
            missing_reason=m.missing_reason,
        )


@strawberry.type
class HistoryQueries:
    @strawberry.field(
        description="A key result's or objective's progress over time: one point per interval from `from` to "
        f"`to` (at most {history.MAX_POINTS}), each equal to the as-of answer for its day. Two queries, "
        "however many points."
    )
    async def progress_history(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A key result's or objective's id.")],
        start: Annotated[dt.date, strawberry.argument(name="from", description="The first point's day.")],
        end: Annotated[dt.date, strawberry.argument(name="to", description="No point after this day.")],
        interval: Annotated[
            Interval, strawberry.argument(description="WEEK or MONTH; default MONTH.")
        ] = Interval.MONTH,
    ) -> list[ProgressPoint]:
        points = await history.progress_history(
            info.context.db, id=id, start=start, end=end, interval=interval
        )
        return [ProgressPoint.of(id, p) for p in points]
