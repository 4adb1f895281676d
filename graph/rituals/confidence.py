"""Confidence over a cycle: one point per check-in, and where it is heading (objective.confidenceTrend)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from graph.core.db import Database

# RISING or FALLING once the latest check-in's confidence is this far from the cycle's first.
TREND_STEP = 2


class TrendDirection(StrEnum):
    RISING = "RISING"
    FALLING = "FALLING"
    STEADY = "STEADY"


@dataclass(frozen=True)
class ConfidencePoint:
    check_in_id: str
    at: dt.datetime
    confidence: int


@dataclass(frozen=True)
class Trend:
    direction: TrendDirection
    change: int | None
    points: list[ConfidencePoint]


def trend(points: list[ConfidencePoint]) -> Trend:
    """The confidence trend over the cycle: latest minus first check-in, RISING/FALLING at +-TREND_STEP."""
    if len(points) < 2:
        return Trend(direction=TrendDirection.STEADY, change=None, points=points)
    change = points[-1].confidence - points[0].confidence
    if change >= TREND_STEP:
        direction = TrendDirection.RISING
    elif change <= -TREND_STEP:
        direction = TrendDirection.FALLING
    else:
        direction = TrendDirection.STEADY
    return Trend(direction=direction, change=change, points=points)


async def confidence_points(db: Database, ids: list[str]) -> list[list[ConfidencePoint]]:
    """Each objective's check-in confidences, oldest first, in the order of `ids`."""
    rows = await db.read("checkins/confidence_points", ids=ids)
    grouped: dict[str, list[ConfidencePoint]] = defaultdict(list)
    for row in rows:
        grouped[row["key"]].append(
            ConfidencePoint(
                check_in_id=row["checkInId"], at=row["at"].to_native(), confidence=int(row["confidence"])
            )
        )
    return [grouped[id] for id in ids]
