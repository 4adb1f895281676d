"""The demo's measurement history outside check-ins: product analytics' exports (graph/seed/demo.py loads them).

With the check-ins' values (graph/seed/demo_cycle.py) every METRIC and KBI key result of the demo has several
measurements in Q1 2026, so a report for a past day has numbers of its own: progress as of 10 January is not
progress as of 15 February. Each series ends on its key result's stored `current`
(graph/seed/demo_key_results.py), so today's figures, and those of any day after 9 February, do not change.

The story: analytics exported the strategic metrics (and the fraud rate) on 2, 9 and 15 January, then the
export broke. So those key results are stale in mid-February (31 days without a measurement), and each trend
line flattens after 15 January. The six Q1 key results nobody ever measured (docs/HEALTH.md) stay so: they
keep their planned `current` on every day (cypher/fragments/value_on.cypher).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]
SOURCE = "analytics"
EXPORT_DAYS = ("2026-01-02", "2026-01-09", "2026-01-15")

# Key result -> its value on each export day; the last is its stored current.
EXPORTS: dict[str, tuple[float, float, float]] = {
    "kr-bank-outage-minutes": (200.0, 170.0, 150.0),
    "kr-digital-drop-off": (39.0, 37.5, 36.0),
    "kr-digital-nps": (21.0, 23.0, 24.0),
    "kr-digital-call-time": (11.9, 11.6, 11.4),
    "kr-platform-recovery": (50.0, 42.0, 35.0),
    "kr-platform-failover": (45.0, 50.0, 55.0),
    "kr-platform-pairing": (25.0, 30.0, 35.0),
    "kr-platform-blameless": (38.0, 44.0, 50.0),
    "kr-business-accounts": (505.0, 512.0, 520.0),
    # Identity's fraud guard-rail, before the check-ins measured it: over the limit, then held.
    "kr-identity-fraud": (0.11, 0.1, 0.1),
}


def _at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=7, tzinfo=dt.UTC)


MEASUREMENTS: list[Row] = [
    {
        "measurementId": f"m-{kr.removeprefix('kr-')}-{day}-analytics",
        "keyResultId": kr,
        "value": value,
        "observedAt": _at(day),
        "receivedAt": _at(day) + dt.timedelta(minutes=5),
        "source": SOURCE,
    }
    for kr, values in EXPORTS.items()
    for day, value in zip(EXPORT_DAYS, values, strict=True)
]
