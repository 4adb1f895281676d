"""The demo organisation: the bank from the product brief's worked example, made complete.

`seed_demo` loads it in one write transaction. Every node is merged on its id and every edge is
merged, so running it again changes nothing and duplicates nothing. docs/DEMO.md describes the data
and what each analysis question finds in it.
"""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.core.models import Direction, KeyResultKind
from graph.core.progress import key_result_progress
from graph.planning.key_results import KeyResultFields
from graph.seed.demo_cycle import CHECK_INS, RETROSPECTIVES

Row = dict[str, Any]

LABELS = (
    "Organisation",
    "Team",
    "Cycle",
    "Priority",
    "Objective",
    "KeyResult",
    "Initiative",
    "CheckIn",
    "Measurement",
    "Retrospective",
)

ORGANISATIONS: list[Row] = [
    {
        "id": "org-bank",
        "name": "Example Bank",
        "vision": "Banking anyone can start in minutes and rely on every day.",
    },
]


def _team(id: str, name: str, kind: str, parent_id: str | None) -> Row:
    return {"id": id, "name": name, "kind": kind, "organisationId": "org-bank", "parentId": parent_id}


TEAMS: list[Row] = [
    _team("team-bank", "Example Bank", "COMPANY", None),
    _team("bu-digital", "Digital Services", "BUSINESS_UNIT", "team-bank"),
    _team("bu-platform", "Platform", "BUSINESS_UNIT", "team-bank"),
    _team("bu-business", "Small Business", "BUSINESS_UNIT", "team-bank"),
    _team("team-discover", "Discover", "TEAM", "bu-digital"),
    _team("team-payments", "Payments", "TEAM", "bu-digital"),
    _team("team-care", "Customer Care Tools", "TEAM", "bu-digital"),
    _team("team-identity", "Identity", "TEAM", "bu-platform"),
    _team("team-sre", "Site Reliability", "TEAM", "bu-platform"),
    _team("team-devex", "Developer Experience", "TEAM", "bu-platform"),
    _team("team-sme-onboarding", "SME Onboarding", "TEAM", "bu-business"),
]

CYCLES: list[Row] = [
    {
        "id": "cycle-2026",
        "name": "2026",
        "kind": "YEAR",
        "startDate": "2026-01-01",
        "endDate": "2026-12-31",
        "parentId": None,
    },
    *(
        {
            "id": f"cycle-2026-q{n}",
            "name": f"Q{n} 2026",
            "kind": "QUARTER",
            "startDate": start,
            "endDate": end,
            "parentId": "cycle-2026",
        }
        for n, start, end in (
            (1, "2026-01-01", "2026-03-31"),
            (2, "2026-04-01", "2026-06-30"),
            (3, "2026-07-01", "2026-09-30"),
            (4, "2026-10-01", "2026-12-31"),
        )
    ),
]

PRIORITIES: list[Row] = [
    {
        "id": "prio-onboarding",
        "title": "Simplify onboarding for new customers",
        "description": "A new customer opens an account and feels at home within the first week.",
        "cycleId": "cycle-2026",
    },
    {
        "id": "prio-small-business",
        "title": "Expand into the small-business segment",
        "description": "Become a serious bank for small businesses, starting with how they join us.",
        "cycleId": "cycle-2026",
    },
    {
        "id": "prio-resilience",
        "title": "Improve resilience of critical systems",
        "description": "Customers can always pay, log in and reach their money.",
        "cycleId": "cycle-2026",
    },
]


def _objective(
    id: str,
    title: str,
    tier: str,
    owner_id: str,
    cycle_id: str,
    description: str,
    *,
    confidence: int,
    rollup: str = "MEAN",
) -> Row:
    return {
        "id": id,
        "title": title,
        "description": description,
        "tier": tier,
        "status": "ACTIVE",
        "ownerId": owner_id,
        "cycleId": cycle_id,
        "confidence": confidence,
        "rollup": rollup,
    }


OBJECTIVES: list[Row] = [
    # Strategic objectives (yearly), owned by the company or a business unit.
    _objective(
        "obj-bank-resilience",
        "Be the bank customers can always reach",
        "STRATEGIC",
        "team-bank",
        "cycle-2026",
        "Company-level resilience goal; the Platform BU objective rolls up into it.",
        confidence=7,
    ),
    _objective(
        "obj-digital-first-week",
        "Delight new customers by transforming the first-week experience",
        "STRATEGIC",
        "bu-digital",
        "cycle-2026",
        "The first week decides whether a new customer stays.",
        confidence=6,
    ),
    _objective(
        "obj-platform-resilience",
        "Keep critical banking systems running through any single failure",
        "STRATEGIC",
        "bu-platform",
        "cycle-2026",
        "Payments, log-in and balances survive the loss of a data centre.",
        confidence=7,
    ),
    _objective(
        "obj-platform-engineering",
        "Make engineering excellence an everyday habit",
        "STRATEGIC",
        "bu-platform",
        "cycle-2026",
        "Behavioural goal: measured with key behavioural indicators, not delivery speed.",
        confidence=6,
    ),
    _objective(
        "obj-business-first-choice",
        "Become the first-choice bank for new small businesses",
        "STRATEGIC",
        "bu-business",
        "cycle-2026",
        "Supports the small-business priority, but no team objective contributes to it yet.",
        confidence=4,
        rollup="SUM",
    ),
    # Team objectives (quarterly), written by the teams themselves.
    _objective(
        "obj-discover-q1",
        "Make the first week seamless and confidence-boosting for new users",
        "TEAM",
        "team-discover",
        "cycle-2026-q1",
        "Mobile onboarding: from download to a funded, set-up account.",
        confidence=7,
    ),
    _objective(
        "obj-identity-q1",
        "Verify new customers instantly and safely",
        "TEAM",
        "team-identity",
        "cycle-2026-q1",
        "Most sign-ups should not wait for a manual identity check.",
        confidence=3,
    ),
    _objective(
        "obj-care-q1",
        "Give new customers quick answers when they call",
        "TEAM",
        "team-care",
        "cycle-2026-q1",
        "Better tools for agents who take calls from new users.",
        confidence=6,
    ),
    _objective(
        "obj-sme-onboarding-q1",
        "Let small businesses open an account in one sitting",
        "TEAM",
        "team-sme-onboarding",
        "cycle-2026-q1",
        "This quarter the team works on the bank-wide drop-off KR, not on its own BU's objective.",
        confidence=5,
    ),
    _objective(
        "obj-sre-q1",
        "Make incidents in critical systems short and rare",
        "TEAM",
        "team-sre",
        "cycle-2026-q1",
        "Failover, alerting and recovery for payments, log-in and balances.",
        confidence=8,
    ),
    _objective(
        "obj-devex-q1",
        "Make pairing and blameless reviews the normal way to work",
        "TEAM",
        "team-devex",
        "cycle-2026-q1",
        "Coaching and tooling that make good engineering habits easy.",
        confidence=6,
    ),
    _objective(
        "obj-payments-q1",
        "Make card payments fail less often",
        "TEAM",
        "team-payments",
        "cycle-2026-q1",
        "Orphaned on purpose: it contributes to nothing, so it cannot say which strategy it serves.",
        confidence=5,
    ),
]


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

INITIATIVES: list[Row] = [
    {
        "id": "init-instant-id",
        "title": "Instant ID verification with document scanning",
        "url": "https://tracker.example.com/EPIC-12",
        "status": "IN_PROGRESS",
    },
    {
        "id": "init-guided-setup",
        "title": "Guided account setup in the mobile app",
        "url": "https://tracker.example.com/EPIC-7",
        "status": "IN_PROGRESS",
    },
    {
        "id": "init-welcome-tutorial",
        "title": "Interactive welcome tutorial",
        "url": "https://tracker.example.com/EPIC-9",
        "status": "PLANNED",
    },
    {
        "id": "init-failover-drill",
        "title": "Data-centre failover drill for payments",
        "url": "https://tracker.example.com/EPIC-31",
        "status": "DONE",
    },
]


def _contribution(child_id: str, parent_id: str, weight: float = 1.0, counts: bool = True) -> Row:
    return {"childId": child_id, "parentId": parent_id, "weight": weight, "countsTowardProgress": counts}


# Never from STRATEGIC to TEAM, child cycle within parent cycle, no loops.
CONTRIBUTIONS: list[Row] = [
    _contribution("obj-discover-q1", "obj-digital-first-week"),
    _contribution("obj-identity-q1", "obj-digital-first-week", 0.5),
    _contribution("obj-care-q1", "kr-digital-call-time"),
    _contribution("obj-sme-onboarding-q1", "kr-digital-drop-off", 0.5),
    _contribution("obj-sre-q1", "obj-platform-resilience"),
    _contribution("obj-sre-q1", "obj-platform-engineering", 0.5, False),
    _contribution("obj-devex-q1", "obj-platform-engineering"),
    _contribution("obj-platform-resilience", "obj-bank-resilience"),
]

SUPPORTS: list[Row] = [
    {"objectiveId": "obj-digital-first-week", "priorityId": "prio-onboarding"},
    {"objectiveId": "obj-bank-resilience", "priorityId": "prio-resilience"},
    {"objectiveId": "obj-platform-resilience", "priorityId": "prio-resilience"},
    {"objectiveId": "obj-platform-engineering", "priorityId": "prio-resilience"},
    {"objectiveId": "obj-business-first-choice", "priorityId": "prio-small-business"},
]

# Always between different owner teams.
DEPENDENCIES: list[Row] = [
    {
        "fromId": "obj-discover-q1",
        "toId": "kr-identity-instant-verification",
        "note": "We can't cut onboarding drop-off until Identity ships instant verification.",
    },
    {
        "fromId": "obj-sme-onboarding-q1",
        "toId": "kr-identity-instant-verification",
        "note": "Business owners abandon sign-up while they wait for a manual ID check.",
    },
    {
        "fromId": "kr-identity-instant-verification",
        "toId": "kr-sre-failover-drill",
        "note": "The verification service takes all sign-ups only after the failover drill has passed.",
    },
]

ADVANCES: list[Row] = [
    {"initiativeId": "init-instant-id", "keyResultId": "kr-identity-instant-verification"},
    {"initiativeId": "init-guided-setup", "keyResultId": "kr-discover-completion"},
    {"initiativeId": "init-guided-setup", "keyResultId": "kr-discover-tickets"},
    {"initiativeId": "init-welcome-tutorial", "keyResultId": "kr-discover-tutorial"},
    {"initiativeId": "init-failover-drill", "keyResultId": "kr-sre-failover-drill"},
]

# Named query under cypher/demo/ and its rows, in an order where every endpoint already exists.
STEPS: tuple[tuple[str, list[Row]], ...] = (
    ("demo/merge_organisation", ORGANISATIONS),
    ("demo/merge_teams", TEAMS),
    ("demo/merge_cycles", CYCLES),
    ("demo/merge_priorities", PRIORITIES),
    ("demo/merge_objectives", OBJECTIVES),
    ("demo/merge_key_results", KEY_RESULTS),
    ("demo/merge_initiatives", INITIATIVES),
    ("demo/merge_contributions", CONTRIBUTIONS),
    ("demo/merge_supports", SUPPORTS),
    ("demo/merge_dependencies", DEPENDENCIES),
    ("demo/merge_advances", ADVANCES),
    ("demo/merge_check_ins", CHECK_INS),
    ("demo/merge_retrospectives", RETROSPECTIVES),
)


async def seed_demo(db: Database) -> dict[str, int]:
    """Load the demo organisation in one write transaction; return node counts per label afterwards.

    Idempotent: nodes are merged on id and edges are merged, so a second run changes nothing.
    The counts cover the whole graph, not only the demo's nodes.
    """

    async def work(tx: Tx) -> dict[str, int]:
        for name, rows in STEPS:
            await tx.run(name, rows=rows)
        counts = await tx.one("demo/count_nodes")
        assert counts is not None  # a RETURN without MATCH always yields one row
        return {label: int(counts[label]) for label in LABELS}

    return await db.write(work)
