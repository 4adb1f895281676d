"""The demo bank's strategic and team objectives (graph/seed/demo.py loads them; docs/DEMO.md describes them)."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]


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
