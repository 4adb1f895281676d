"""The demo bank's key results, as written and with their stored progress (graph/seed/demo.py loads them)."""

from __future__ import annotations

from typing import Any

from graph.core.models import Direction, KeyResultKind
from graph.core.progress import key_result_progress
from graph.planning.key_results import KeyResultFields

Row = dict[str, Any]


def _measured(
    id: str,
    objective_id: str,
    title: str,
    direction: str,
    unit: str,
    baseline: float | None,
    target: float,
    current: float | None,
    *,
    kind: str = "METRIC",
    external_key: str | None = None,
) -> Row:
    return {
        "id": id,
        "objectiveId": objective_id,
        "title": title,
        "kind": kind,
        "direction": direction,
        "unit": unit,
        "baseline": baseline,
        "target": target,
        "current": current,
        "done": False,
        "weight": 1.0,
        "externalKey": external_key,
    }


def _milestone(id: str, objective_id: str, title: str, done: bool) -> Row:
    return {
        "id": id,
        "objectiveId": objective_id,
        "title": title,
        "kind": "MILESTONE",
        "direction": None,
        "unit": None,
        "baseline": None,
        "target": None,
        "current": None,
        "done": done,
        "weight": 1.0,
        "externalKey": None,
    }


KEY_RESULTS_AS_WRITTEN: list[Row] = [
    # obj-bank-resilience
    _measured(
        "kr-bank-outage-minutes",
        "obj-bank-resilience",
        "Customer-facing outage minutes per quarter from 240 to 60",
        "DECREASE",
        "minutes",
        240.0,
        60.0,
        150.0,
    ),
    # obj-digital-first-week: the three KRs from the worked example.
    _measured(
        "kr-digital-drop-off",
        "obj-digital-first-week",
        "Reduce first-week customer drop-off by 25% (40% to 30%)",
        "DECREASE",
        "%",
        40.0,
        30.0,
        36.0,
    ),
    _measured(
        "kr-digital-nps",
        "obj-digital-first-week",
        "Raise first-week NPS from 20 to 35",
        "INCREASE",
        "NPS",
        20.0,
        35.0,
        24.0,
    ),
    _measured(
        "kr-digital-call-time",
        "obj-digital-first-week",
        "Cut average support call time for new users by 15% (12 to 10.2 minutes)",
        "DECREASE",
        "minutes",
        12.0,
        10.2,
        11.4,
    ),
    # obj-platform-resilience
    _measured(
        "kr-platform-recovery",
        "obj-platform-resilience",
        "Time to recover a critical service from 60 to 15 minutes",
        "DECREASE",
        "minutes",
        60.0,
        15.0,
        35.0,
    ),
    _measured(
        "kr-platform-failover",
        "obj-platform-resilience",
        "Critical services that survive a data-centre failover from 40% to 100%",
        "INCREASE",
        "%",
        40.0,
        100.0,
        55.0,
    ),
    # obj-platform-engineering: key behavioural indicators.
    _measured(
        "kr-platform-pairing",
        "obj-platform-engineering",
        "Share of teams practising pairing from 20% to 60%",
        "INCREASE",
        "%",
        20.0,
        60.0,
        35.0,
        kind="KBI",
    ),
    _measured(
        "kr-platform-blameless",
        "obj-platform-engineering",
        "Incidents with a blameless review within 5 days from 30% to 90%",
        "INCREASE",
        "%",
        30.0,
        90.0,
        50.0,
        kind="KBI",
    ),
    # obj-business-first-choice
    _measured(
        "kr-business-accounts",
        "obj-business-first-choice",
        "Small-business accounts opened per month from 500 to 2000",
        "INCREASE",
        "accounts/month",
        500.0,
        2000.0,
        520.0,
    ),
    _milestone(
        "kr-business-app-launch",
        "obj-business-first-choice",
        "Launch the small-business app in two regions",
        False,
    ),
    # obj-discover-q1: the three KRs from the worked example.
    _measured(
        "kr-discover-completion",
        "obj-discover-q1",
        "Onboarding completion from 65% to 90%",
        "INCREASE",
        "%",
        65.0,
        90.0,
        72.0,
        # What product analytics pushes under (README and clients/python/README.md push to it).
        external_key="amplitude:onboarding_completion",
    ),
    _measured(
        "kr-discover-tutorial",
        "obj-discover-q1",
        "Tutorial engagement from 15% to 50%",
        "INCREASE",
        "%",
        15.0,
        50.0,
        22.0,
    ),
    _measured(
        "kr-discover-tickets",
        "obj-discover-q1",
        "Account-setup support tickets down 30% (400 to 280 a month)",
        "DECREASE",
        "tickets/month",
        400.0,
        280.0,
        360.0,
    ),
    # obj-identity-q1
    _measured(
        "kr-identity-instant-verification",
        "obj-identity-q1",
        "Instant ID verification for 80% of sign-ups (from 10%)",
        "INCREASE",
        "%",
        10.0,
        80.0,
        30.0,
    ),
    _measured(
        "kr-identity-fraud",
        "obj-identity-q1",
        "Keep fraudulent sign-ups at or below 0.1%",
        "STAY_AT_OR_BELOW",
        "%",
        0.12,
        0.1,
        0.08,
    ),
    # obj-care-q1
    _measured(
        "kr-care-first-call",
        "obj-care-q1",
        "First-call resolution for new users from 60% to 75%",
        "INCREASE",
        "%",
        60.0,
        75.0,
        64.0,
    ),
    # obj-sme-onboarding-q1
    _measured(
        "kr-sme-one-sitting",
        "obj-sme-onboarding-q1",
        "Small businesses that finish sign-up in one sitting from 35% to 70%",
        "INCREASE",
        "%",
        35.0,
        70.0,
        41.0,
    ),
    # obj-sre-q1: a guard-rail, a milestone and a metric.
    _measured(
        "kr-sre-availability",
        "obj-sre-q1",
        "Keep core banking availability at or above 99.9%",
        "STAY_AT_OR_ABOVE",
        "%",
        99.92,
        99.9,
        99.95,
    ),
    _milestone(
        "kr-sre-failover-drill",
        "obj-sre-q1",
        "Run a full data-centre failover drill for payments",
        True,
    ),
    _measured(
        "kr-sre-runbooks",
        "obj-sre-q1",
        "Critical alerts with a tested runbook from 50% to 95%",
        "INCREASE",
        "%",
        50.0,
        95.0,
        70.0,
    ),
    # obj-devex-q1: a key behavioural indicator.
    _measured(
        "kr-devex-pairing-hours",
        "obj-devex-q1",
        "Engineers who pair at least weekly from 25% to 60%",
        "INCREASE",
        "%",
        25.0,
        60.0,
        33.0,
        kind="KBI",
    ),
    # obj-payments-q1 (orphaned objective; the KR itself is fine)
    _measured(
        "kr-payments-failures",
        "obj-payments-q1",
        "Failed card payments from 2.5% to 1.0%",
        "DECREASE",
        "%",
        2.5,
        1.0,
        2.1,
    ),
]


def _with_progress(row: Row) -> Row:
    """Add the stored progress, computed by the same rule the API uses."""
    fields = KeyResultFields(
        title=row["title"],
        kind=KeyResultKind(row["kind"]),
        direction=Direction(row["direction"]) if row["direction"] else None,
        baseline=row["baseline"],
        target=row["target"],
        current=row["current"],
        done=row["done"],
    )
    return {**row, "progress": key_result_progress(fields)}


KEY_RESULTS: list[Row] = [_with_progress(row) for row in KEY_RESULTS_AS_WRITTEN]
