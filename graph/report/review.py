"""The monthly review: the report on a day, what changed since the last review, and progress over time.

A review asks where the strategic objective stands on `as_of` and what moved since `since` (by default one
month before). Both days are answered from history (graph/report/strategic.py, graph/core/history.py), so a
review of a past day shows the same numbers whenever it is rendered. The changes list every contributor, the
largest fall first, because that is what a review discusses; the trend is the roll-up and each contributor's
progress on every week (or month, over half a year) up to `as_of`, with the progress its cycle expects.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from graph.alignment.history import Interval, objectives_on_days, series_days
from graph.core.db import Database
from graph.core.errors import ValidationError
from graph.report.strategic import (
    STALE_MEASUREMENT_DAYS,
    Contributor,
    ReportDependency,
    ReportKeyResult,
    ReportObjective,
    StrategicReport,
    strategic_report,
)

TREND_DAYS = 366  # the trend goes back at most this far
WEEKLY_UP_TO = 183  # a longer trend has a point a month


@dataclass(frozen=True)
class ContributorChange:
    """One contributor between the last review (`since`) and now (`as_of`)."""

    objective: ReportObjective  # as it stood on as_of
    progress_then: float | None
    progress_now: float | None
    confidence_then: int | None
    confidence_now: int | None
    became_at_risk: list[ReportDependency]  # at risk now, not then, from or to it or one of its KRs
    stopped_being_at_risk: list[ReportDependency]  # at risk then, not now
    went_stale: list[ReportKeyResult]  # its KRs stale now and not then

    @property
    def change(self) -> float | None:
        if self.progress_then is None or self.progress_now is None:
            return None
        return self.progress_now - self.progress_then


@dataclass(frozen=True)
class TrendPoint:
    day: dt.date
    rolled_up_progress: float | None  # the strategic objective's, as `rollup(asOf: day)`
    expected_progress: float | None  # the share elapsed of the contributors' (most common) cycle
    contributors: dict[str, float | None]  # each contributor's progress, as the report counts it


@dataclass(frozen=True)
class Review:
    report: StrategicReport  # on as_of
    since: dt.date
    then: StrategicReport  # on since
    changes: list[ContributorChange]  # the largest fall first; unknown changes last
    trend: list[TrendPoint]


def month_before(day: dt.date) -> dt.date:
    """The same day a month earlier (or that month's last day)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _touches(dependency: ReportDependency, ids: set[str]) -> bool:
    return dependency.risk.source.id in ids or dependency.risk.target.id in ids


def _pair(dependency: ReportDependency) -> tuple[str, str]:
    return dependency.risk.source.id, dependency.risk.target.id


def _change(contributor: Contributor, then: StrategicReport, now: StrategicReport) -> ContributorChange:
    objective = contributor.objective
    before = next((c for c in then.contributors if c.objective.id == objective.id), None)
    ids = {objective.id} | {kr.id for kr in now.all_key_results if kr.objective_id == objective.id}
    risky_then = {_pair(d): d for d in then.at_risk_dependencies if _touches(d, ids)}
    risky_now = {_pair(d): d for d in now.at_risk_dependencies if _touches(d, ids)}
    stale_then = {kr.id for kr in then.stale_key_results}
    return ContributorChange(
        objective=objective,
        progress_then=before.progress if before else None,
        progress_now=contributor.progress,
        confidence_then=before.objective.confidence if before else None,
        confidence_now=objective.confidence,
        became_at_risk=[d for pair, d in risky_now.items() if pair not in risky_then],
        stopped_being_at_risk=[d for pair, d in risky_then.items() if pair not in risky_now],
        went_stale=[
            kr for kr in now.stale_key_results if kr.objective_id == objective.id and kr.id not in stale_then
        ],
    )


def _expected(day: dt.date, start: dt.date, end: dt.date) -> float:
    """The share of a cycle elapsed on a day, as the report's queries count it."""
    if day < start:
        return 0.0
    if day > end:
        return 1.0
    return (day - start).days / ((end - start).days + 1)


async def _trend(db: Database, report: StrategicReport) -> list[TrendPoint]:
    objectives = [c.objective for c in report.contributors] or [report.objective]
    cycles = Counter((o.cycle_start, o.cycle_end) for o in objectives if o.cycle_start and o.cycle_end)
    reference = cycles.most_common(1)[0][0] if cycles else None
    start = max(
        min((start for start, _ in cycles), default=report.as_of), report.as_of - dt.timedelta(TREND_DAYS)
    )
    start = min(start, report.as_of)
    weekly = (report.as_of - start).days <= WEEKLY_UP_TO
    days = series_days(start, report.as_of, Interval.WEEK if weekly else Interval.MONTH)
    if days[-1] != report.as_of:
        days.append(report.as_of)
    found = await objectives_on_days(db, objective_id=report.objective.id, days=days)
    points = []
    for i, day in enumerate(days):
        own, rolled = found.own[i], found.rolled[i]
        points.append(
            TrendPoint(
                day=day,
                rolled_up_progress=rolled.get(report.objective.id),
                expected_progress=_expected(day, *reference) if reference else None,
                contributors={
                    c.objective.id: r
                    if (r := rolled.get(c.objective.id)) is not None
                    else own.get(c.objective.id)
                    for c in report.contributors
                },
            )
        )
    return points


async def monthly_review(
    db: Database,
    *,
    objective_id: str,
    as_of: dt.date,
    since: dt.date | None = None,
    stale_after_days: int = STALE_MEASUREMENT_DAYS,
) -> Review:
    """Return the report on `as_of`, the changes since `since` (default a month before) and the trend."""
    since = month_before(as_of) if since is None else since
    if since > as_of:
        raise ValidationError(f"since {since} is after asOf {as_of}", field="since", value=since.isoformat())
    now = await strategic_report(
        db, objective_id=objective_id, as_of=as_of, stale_after_days=stale_after_days
    )
    then = await strategic_report(
        db, objective_id=objective_id, as_of=since, stale_after_days=stale_after_days
    )
    changes = [_change(c, then, now) for c in now.contributors]
    changes.sort(key=lambda c: (c.change is None, c.change if c.change is not None else 0.0))
    return Review(report=now, since=since, then=then, changes=changes, trend=await _trend(db, now))
