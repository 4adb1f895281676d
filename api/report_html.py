"""Render a StrategicReport as one standalone HTML page: inline CSS and inline SVG charts, no scripts.

The page comes from a Jinja2 template (api/templates/strategic_report.html.j2) with autoescaping on, so every
title, issue and note a user wrote is escaped; the charts come from api/report_charts.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from api.report_charts import Bar, Point, Series, confidence_lines, progress_bars
from graph.report.strategic import StrategicReport

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
    env.filters.update(raw=_raw, percent=_percent, number=_number, day=_day)
    return env


def render_strategic_report(report: StrategicReport, *, generated_at: dt.datetime) -> str:
    """Return the report as a standalone HTML document."""
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
            owners=owners,
            progress_chart=Markup(progress_bars(bars)),  # ElementTree escaped its text
            confidence_chart=Markup(confidence_lines(series, since=since, until=report.as_of)),
            generated_at=generated_at.strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
