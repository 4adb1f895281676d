"""The report's charts: Vega-Lite specs rendered to inline SVG by vl-convert (no browser, nothing fetched).

vl-convert-python embeds Vega and Vega-Lite with their own JavaScript engine, so a chart is a declarative spec
here rather than hand-placed SVG elements, and the SVG it returns has no scripts and no links. Vega escapes
every label. The figures each chart draws are also in a table beside it (api/templates/), which tests read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import vl_convert

# Colour-blind-safe (Okabe-Ito) colours, in series order; the roll-up is drawn in black.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442"]
FONT = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif"
WIDTH = 620
CONFIG: dict[str, Any] = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelColor": "#555", "titleColor": "#555", "gridColor": "#e3e3e3"},
    "legend": {"orient": "bottom", "columns": 3, "labelLimit": 220},
}


@dataclass(frozen=True)
class Bar:
    objective_id: str
    label: str  # the owner team
    sublabel: str  # the objective's title
    progress: float | None
    expected: float | None


@dataclass(frozen=True)
class Point:
    at: dt.datetime
    confidence: int


@dataclass(frozen=True)
class Series:
    objective_id: str
    label: str
    points: list[Point]


@dataclass(frozen=True)
class TrendLine:
    label: str  # a contributor's owner team, or "Rolled up"
    points: list[tuple[dt.date, float | None]]


def _svg(spec: dict[str, Any]) -> str:
    return vl_convert.vegalite_to_svg(
        {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": CONFIG, **spec}
    )


def _percent_axis(title: str | None = None) -> dict[str, Any]:
    return {"format": ".0%", "title": title, "tickCount": 5}


def progress_bars(bars: list[Bar]) -> str:
    """Horizontal bars, 0 to 100 %, one per contributor, with a tick where its cycle expects it to be."""
    rows = [
        {
            "team": f"{b.label}: {b.sublabel[:40]}",
            "progress": b.progress or 0.0,
            "expected": b.expected,
            "behind": b.progress is not None and b.expected is not None and b.progress < b.expected,
        }
        for b in bars
    ]
    y = {"field": "team", "type": "nominal", "title": None, "sort": None, "axis": {"labelLimit": 260}}
    x_scale = {"domain": [0, 1]}
    return _svg(
        {
            "width": WIDTH - 300,
            "height": {"step": 34},
            "data": {"values": rows},
            "layer": [
                {
                    "mark": {"type": "bar", "height": 20},
                    "encoding": {
                        "y": y,
                        "x": {
                            "field": "progress",
                            "type": "quantitative",
                            "scale": x_scale,
                            "axis": _percent_axis(),
                        },
                        "color": {
                            "field": "behind",
                            "type": "nominal",
                            "scale": {"domain": [False, True], "range": ["#0072B2", "#D55E00"]},
                            "legend": None,
                        },
                    },
                },
                {
                    "mark": {"type": "tick", "color": "#222", "thickness": 2, "size": 30},
                    "encoding": {
                        "y": y,
                        "x": {"field": "expected", "type": "quantitative", "scale": x_scale},
                    },
                },
            ],
        }
    )


def confidence_lines(series: list[Series], *, since: dt.date, until: dt.date) -> str:
    """Confidence (0 to 10) over time, one line per objective, from `since` to `until`."""
    rows = [
        {"team": s.label, "at": p.at.isoformat(), "confidence": p.confidence}
        for s in series
        for p in s.points
    ]
    teams = [s.label for s in series]
    return _svg(
        {
            "width": WIDTH,
            "height": 200,
            "data": {"values": rows},
            "mark": {"type": "line", "point": True, "strokeWidth": 2.5},
            "encoding": {
                "x": {
                    "field": "at",
                    "type": "temporal",
                    "title": None,
                    "scale": {"domain": [since.isoformat(), until.isoformat()]},
                },
                "y": {
                    "field": "confidence",
                    "type": "quantitative",
                    "scale": {"domain": [0, 10]},
                    "title": None,
                },
                "color": {"field": "team", "type": "nominal", "title": None, "scale": _colours(teams)},
            },
        }
    )


def progress_over_time(lines: list[TrendLine], expected: list[tuple[dt.date, float | None]]) -> str:
    """Progress over time: the roll-up (black, thick), one line per contributor, and the expected diagonal."""
    rows = [
        {"line": line.label, "day": day.isoformat(), "progress": value}
        for line in lines
        for day, value in line.points
        if value is not None
    ]
    diagonal = [{"day": day.isoformat(), "expected": value} for day, value in expected if value is not None]
    labels = [line.label for line in lines]
    x = {"field": "day", "type": "temporal", "title": None}
    return _svg(
        {
            "width": WIDTH,
            "height": 220,
            "layer": [
                {
                    "data": {"values": diagonal},
                    "mark": {"type": "line", "strokeDash": [6, 4], "color": "#888"},
                    "encoding": {"x": x, "y": {"field": "expected", "type": "quantitative"}},
                },
                {
                    "data": {"values": rows},
                    "mark": {"type": "line", "point": True},
                    "encoding": {
                        "x": x,
                        "y": {
                            "field": "progress",
                            "type": "quantitative",
                            "scale": {"domain": [0, 1]},
                            "axis": _percent_axis(),
                        },
                        "color": {
                            "field": "line",
                            "type": "nominal",
                            "title": None,
                            "scale": _colours(labels),
                        },
                        # The test names a constant, never a user-written label.
                        "strokeWidth": {
                            "condition": {"test": "datum.line === 'Rolled up'", "value": 4},
                            "value": 2,
                        },
                    },
                },
            ],
        }
    )


def _colours(labels: list[str]) -> dict[str, Any]:
    """The same colour for the same label, in series order; a first "Rolled up" line is black."""
    range_ = ["#000000", *PALETTE] if labels[:1] == [ROLLED_UP] else PALETTE
    return {"domain": labels, "range": [range_[i % len(range_)] for i in range(len(labels))]}


ROLLED_UP = "Rolled up"
