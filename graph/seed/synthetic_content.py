"""The words and numbers of the synthetic organisation: names, titles, confidences and KR measures."""

from __future__ import annotations

import random
from typing import Any

AREAS: tuple[str, ...] = (
    "Payments",
    "Lending",
    "Cards",
    "Savings",
    "Mortgages",
    "Onboarding",
    "Identity",
    "Fraud",
    "Data",
)
AREAS += ("Platform", "Mobile", "Web", "Care", "Compliance", "Risk", "Treasury", "Wealth", "Insurance")
QUALIFIERS: tuple[str, ...] = (
    "Core",
    "Growth",
    "Experience",
    "Operations",
    "Insights",
    "Reliability",
    "Automation",
)
FOCUSES: tuple[str, ...] = (
    "Checkout",
    "Search",
    "Alerts",
    "Ledger",
    "Pricing",
    "Signup",
    "Reporting",
    "Messaging",
    "Billing",
)
FOCUSES += ("Analytics", "Accessibility", "Notifications", "Statements", "Limits", "Disputes", "Rewards")
VERBS: tuple[str, ...] = (
    "Make",
    "Improve",
    "Simplify",
    "Grow",
    "Modernise",
    "Secure",
    "Speed up",
    "Automate",
)
THEMES: tuple[str, ...] = (
    "onboarding",
    "card payments",
    "loan approvals",
    "customer support",
    "fraud checks",
    "pricing",
)
THEMES += ("the mobile app", "data quality", "release pipelines", "statements", "savings goals")
NOTES: tuple[str, ...] = (
    "Blocked until this lands.",
    "Needed before our launch.",
    "Shares their release train.",
)
NOTES += ("Needs their API change first.", "Their data feeds our reporting.")
# name, unit, low, high (the range it moves in), and whether up is better.
METRICS = [("conversion", "%", 5.0, 60.0, True), ("NPS", "NPS", -10.0, 60.0, True)]
METRICS += [("adoption", "%", 5.0, 90.0, True), ("revenue", "kEUR/month", 100.0, 5000.0, True)]
METRICS += [
    ("handling time", "minutes", 2.0, 30.0, False),
    ("incidents", "incidents/month", 1.0, 40.0, False),
]
METRICS += [
    ("support tickets", "tickets/month", 50.0, 2000.0, False),
    ("p95 latency", "ms", 50.0, 2000.0, False),
]
METRICS += [("defects per release", "defects", 1.0, 30.0, False), ("availability", "%", 99.0, 99.99, True)]
MEASURE_FIELDS = ("title", "kind", "direction", "unit", "baseline", "target", "current", "done")


def unit_name(index: int) -> str:
    """Return the name of the business unit at this 0-based position."""
    return f"{AREAS[index % len(AREAS)]} {QUALIFIERS[index // len(AREAS) % len(QUALIFIERS)]}"


def team_name(rng: random.Random, unit_index: int, number: int) -> str:
    """Return a team name in its unit's area, ending with the team's number."""
    return f"{AREAS[unit_index % len(AREAS)]} {rng.choice(FOCUSES)} {number}"


def priority(number: int) -> tuple[str, str]:
    """Return the title and description of the priority with this 1-based number."""
    theme = THEMES[(number - 1) % len(THEMES)]
    return f"Lead the market in {theme}", f"Customers choose us for {theme} by the end of 2026."


def objective_title(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(THEMES)}"


def objective_description(rng: random.Random, tier: str) -> str | None:
    """Return a description for every strategic objective and about a third of team objectives."""
    if tier == "TEAM" and rng.random() >= 0.3:
        return None
    return f"Why it matters: {rng.choice(THEMES)} {rng.choice(('is slow', 'costs too much', 'loses customers'))} today."


def initiative_title(rng: random.Random, number: int) -> str:
    return f"Epic {number}: {rng.choice(VERBS).lower()} {rng.choice(THEMES)}"


def note(rng: random.Random) -> str:
    return rng.choice(NOTES)


def confidence(rng: random.Random) -> int | None:
    """Return a confidence for ~80% of objectives, ~15% of them at 4 or below."""
    if rng.random() >= 0.8:
        return None
    if rng.random() < 0.15:
        return rng.randint(0, 4)
    return rng.choices(range(5, 11), (2, 3, 4, 4, 2, 1))[0]


def measure(rng: random.Random) -> dict[str, Any]:
    """Return a KR's title, kind, direction, unit, baseline, target, current and done."""
    roll = rng.random()
    if roll < 0.08:
        title = f"Ship {rng.choice(THEMES)} to {rng.randint(2, 9)} regions"
        return _measure(title, "MILESTONE", None, None, None, None, None, rng.random() < 0.3)
    name, unit, low, high, up = rng.choice(METRICS)
    span = high - low
    if roll < 0.13:  # a guard-rail that mostly holds
        name, unit, low, high, _ = rng.choice([metric for metric in METRICS if metric[4]])
        span = high - low
        target = round(low + 0.8 * span, 2)
        level = round(target + rng.uniform(-0.1, 0.15) * span, 2)
        title = f"Keep {name} at or above {target:g} {unit}"
        return _measure(
            title, "METRIC", "STAY_AT_OR_ABOVE", unit, round(target + 0.05 * span, 2), target, level, False
        )
    up = up if rng.random() < 0.9 else not up
    baseline = round(low + rng.uniform(0.1, 0.5) * span + (0 if up else 0.4 * span), 1)
    delta = max(0.1, round(rng.uniform(0.1, 0.4) * span, 1))
    target = round(baseline + delta if up else baseline - delta, 1)
    moved = rng.betavariate(2.0, 2.5) * 1.15 - 0.05  # mostly part-way, a few behind the start or done
    current = None if rng.random() < 0.05 else round(baseline + moved * (target - baseline), 2)
    title = f"{'Raise' if up else 'Cut'} {name} from {baseline:g} to {target:g} {unit}"
    kind, direction = "KBI" if roll < 0.23 else "METRIC", "INCREASE" if up else "DECREASE"
    if rng.random() < 0.03:  # no baseline measured yet, so no progress either
        return _measure(
            f"Reach {target:g} {unit} {name}", kind, direction, unit, None, target, current, False
        )
    return _measure(title, kind, direction, unit, baseline, target, current, False)


def _measure(*values: Any) -> dict[str, Any]:
    return dict(zip(MEASURE_FIELDS, values, strict=True))
