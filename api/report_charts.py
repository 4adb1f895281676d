"""The report's two charts as inline SVG, drawn in Python (no JavaScript, nothing fetched).

ElementTree builds the SVG, so every title is escaped. Each bar and point carries its figures in data-
attributes (data-objective-id, data-progress, data-at, data-confidence), which tests read back.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

# Colour-blind-safe (Okabe-Ito) colours for the confidence lines, in series order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif"


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


def _svg(width: int, height: int, label: str) -> ET.Element:
    return ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
            "aria-label": label,
            "style": FONT,
        },
    )


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "font-size": "12", **attrs})
    element.text = text
    return element


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_bars(bars: list[Bar], *, width: int = 760) -> str:
    """Horizontal bars, 0 to 100 %, one per contributor, with a tick where its cycle expects it to be."""
    left, right, row, top = 230, 60, 38, 26
    plot = width - left - right
    svg = _svg(width, top + row * max(len(bars), 1) + 24, "Progress per contributing team")
    for tick in range(0, 101, 25):
        x = left + plot * tick / 100
        ET.SubElement(
            svg,
            "line",
            {
                "x1": f"{x:.1f}",
                "y1": "18",
                "x2": f"{x:.1f}",
                "y2": str(top + row * len(bars)),
                "stroke": "#e3e3e3",
            },
        )
        _text(svg, x, 14, f"{tick}%", **{"text-anchor": "middle", "fill": "#666"})
    if not bars:
        _text(svg, left, top + 20, "Nothing counts toward this objective yet.", fill="#666")
    for index, bar in enumerate(bars):
        y = top + row * index
        _text(svg, left - 10, y + 15, _short(bar.label, 30), **{"text-anchor": "end", "font-weight": "600"})
        _text(
            svg,
            left - 10,
            y + 29,
            _short(bar.sublabel, 34),
            **{"text-anchor": "end", "fill": "#666", "font-size": "10"},
        )
        ET.SubElement(
            svg,
            "rect",
            {"x": str(left), "y": str(y + 6), "width": str(plot), "height": "22", "fill": "#f2f2f2"},
        )
        value = bar.progress
        rect = ET.SubElement(
            svg,
            "rect",
            {
                "class": "bar",
                "x": str(left),
                "y": str(y + 6),
                "width": f"{plot * min(max(value or 0.0, 0.0), 1.0):.1f}",
                "height": "22",
                "fill": "#0072B2"
                if value is None or bar.expected is None or value >= bar.expected
                else "#D55E00",
                "data-objective-id": bar.objective_id,
                "data-progress": "" if value is None else repr(value),
            },
        )
        ET.SubElement(rect, "title").text = f"{bar.label}: {_percent(value)}"
        _text(svg, left + plot + 6, y + 22, _percent(value))
        if bar.expected is not None:
            x = left + plot * min(max(bar.expected, 0.0), 1.0)
            ET.SubElement(
                svg,
                "line",
                {
                    "class": "expected",
                    "x1": f"{x:.1f}",
                    "y1": str(y + 2),
                    "x2": f"{x:.1f}",
                    "y2": str(y + 32),
                    "stroke": "#222",
                    "stroke-width": "2",
                    "data-expected": repr(bar.expected),
                },
            )
    return ET.tostring(svg, encoding="unicode")


def _percent(value: float | None) -> str:
    return "no data" if value is None else f"{value * 100:.0f}%"


def confidence_lines(series: list[Series], *, since: dt.date, until: dt.date, width: int = 760) -> str:
    """Confidence (0 to 10) over time, one line per objective, from `since` to `until`."""
    left, right, top, height = 40, 20, 16, 220
    legend_rows = (len(series) + 2) // 3
    svg = _svg(width, top + height + 30 + 20 * legend_rows, "Confidence over time")
    plot = width - left - right
    start = dt.datetime.combine(since, dt.time(), dt.UTC)
    span = max((dt.datetime.combine(until, dt.time(), dt.UTC) - start).total_seconds(), 86400.0)

    def x_of(at: dt.datetime) -> float:
        return left + plot * min(max((at - start).total_seconds() / span, 0.0), 1.0)

    def y_of(confidence: float) -> float:
        return top + height * (1 - confidence / 10)

    for level in range(0, 11, 2):
        y = y_of(level)
        ET.SubElement(
            svg,
            "line",
            {
                "x1": str(left),
                "y1": f"{y:.1f}",
                "x2": str(left + plot),
                "y2": f"{y:.1f}",
                "stroke": "#e3e3e3",
            },
        )
        _text(svg, left - 8, y + 4, str(level), **{"text-anchor": "end", "fill": "#666"})
    _text(svg, left, top + height + 18, since.isoformat(), fill="#666")
    _text(svg, left + plot, top + height + 18, until.isoformat(), **{"text-anchor": "end", "fill": "#666"})
    if not any(s.points for s in series):
        _text(svg, left + 12, top + height / 2, f"No check-ins by {until.isoformat()}.", fill="#666")
    for index, line in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        group = ET.SubElement(svg, "g", {"class": "series", "data-objective-id": line.objective_id})
        if len(line.points) > 1:
            points = " ".join(f"{x_of(p.at):.1f},{y_of(p.confidence):.1f}" for p in line.points)
            ET.SubElement(
                group, "polyline", {"points": points, "fill": "none", "stroke": colour, "stroke-width": "2.5"}
            )
        for point in line.points:
            circle = ET.SubElement(
                group,
                "circle",
                {
                    "class": "point",
                    "cx": f"{x_of(point.at):.1f}",
                    "cy": f"{y_of(point.confidence):.1f}",
                    "r": "4",
                    "fill": colour,
                    "data-objective-id": line.objective_id,
                    "data-at": point.at.isoformat(),
                    "data-confidence": str(point.confidence),
                },
            )
            ET.SubElement(circle, "title").text = f"{line.label} {point.at:%Y-%m-%d}: {point.confidence}/10"
        lx = left + (index % 3) * (plot / 3)
        ly = top + height + 40 + 20 * (index // 3)
        ET.SubElement(
            svg, "rect", {"x": f"{lx:.1f}", "y": str(ly - 10), "width": "14", "height": "4", "fill": colour}
        )
        _text(svg, lx + 20, ly - 4, _short(line.label, 34))
    return ET.tostring(svg, encoding="unicode")
