"""The demo's measurement history outside check-ins: product analytics' exports (graph/seed/demo.py loads them).

With the check-ins' values (graph/seed/demo_cycle.py) every METRIC and KBI key result of the demo has several
measurements in Q1 2026, so a report for a past day has numbers of its own: progress as of 10 January is not
progress as of 15 February. Each series ends on its key result's stored `current`
(graph/seed/demo_key_results.py), so today's figures, and those of any day after 9 February, do not change.

The story: analytics exported the strategic and untracked team metrics on 2, 9 and 15 January, then the export
broke. So those key results are still stale in mid-February (31 days without a measurement), as docs/DEMO.md
tells, and each trend line flattens after 15 January.
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
    "kr-discover-completion": (67.0, 70.0, 72.0),
    "kr-discover-tutorial": (17.0, 20.0, 22.0),
    "kr-sre-availability": (99.91, 99.93, 99.95),
    "kr-sre-runbooks": (55.0, 62.0, 70.0),
    "kr-devex-pairing-hours": (27.0, 30.0, 33.0),
    "kr-payments-failures": (2.4, 2.25, 2.1),
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
