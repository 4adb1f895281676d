"""Render a StrategicReport as one standalone HTML page: inline CSS and inline SVG charts, no scripts.

The page comes from a Jinja2 template (api/templates/strategic_report.html.j2) with autoescaping on, so every
title, issue and note a user wrote is escaped; the charts come from api/report_charts.py (Vega-Lite, rendered
to SVG by vl-convert).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from api.report_charts import (
    ROLLED_UP,
    Bar,
    Point,
    Series,
    TrendLine,
    confidence_lines,
    progress_bars,
    progress_over_time,
)
from graph.report.review import Review

TEMPLATES = Path(__file__).resolve().parent / "templates"
NONE = "\N{EN DASH}"  # shown for a figure that is not known


def _raw(value: object) -> str:
    """A figure as the API gives it, for data- attributes: '' for null, repr for floats (no rounding)."""
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def _percent(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.0f}%"


def _number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return NONE
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def _day(value: dt.datetime | None) -> str:
    return "never" if value is None else value.strftime("%Y-%m-%d")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(raw=_raw, percent=_percent, number=_number, day=_day, signed=_signed)
    return env


def _signed(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:+.0f} pts"


def _trend_chart(review: Review) -> str:
    report, trend = review.report, review.trend
    lines = [TrendLine(ROLLED_UP, [(p.day, p.rolled_up_progress) for p in trend])]
    lines += [
        TrendLine(
            c.objective.owner_name or c.objective.id,
            [(p.day, p.contributors.get(c.objective.id)) for p in trend],
        )
        for c in report.contributors
    ]
    return progress_over_time(lines, [(p.day, p.expected_progress) for p in trend])


def render_strategic_report(review: Review, *, generated_at: dt.datetime) -> str:
    """Return the monthly review as a standalone HTML document."""
    report = review.report
    contributors = report.contributors
    bars = [
        Bar(
            objective_id=c.objective.id,
            label=c.objective.owner_name or c.objective.id,
            sublabel=c.objective.title,
            progress=c.progress,
            expected=c.objective.expected_progress,
        )
        for c in contributors
    ]
    series = [
        Series(
            objective_id=c.objective.id,
            label=c.objective.owner_name or c.objective.id,
            points=[
                Point(at=k.created_at, confidence=k.confidence)
                for k in c.objective.check_ins
                if k.confidence is not None
            ],
        )
        for c in contributors
    ]
    first = min((p.at.date() for s in series for p in s.points), default=report.as_of)
    since = min(first, report.as_of - dt.timedelta(days=28))
    owners = {c.objective.id: c.objective.owner_name or "" for c in contributors}
    owners[report.objective.id] = report.objective.owner_name or ""
    return (
        _environment()
        .get_template("strategic_report.html.j2")
        .render(
            report=report,
            review=review,
            owners=owners,
            trend_chart=Markup(_trend_chart(review)),  # Vega escaped its labels
            progress_chart=Markup(progress_bars(bars)),
            confidence_chart=Markup(confidence_lines(series, since=since, until=report.as_of)),
            generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
