"""The demo organisation's OKR cycle: weekly GRIP check-ins in Q1 2026 (graph/seed/demo.py loads them).

The stories, as docs/DEMO.md tells them:
- Identity (obj-identity-q1) starts confident, then the vendor of its ID-scanning SDK slips: confidence
  7, 7, 6, 6, 6, 3. The last check-in drops by 3: the falling-confidence case, FALLING over the cycle.
- Discover (obj-discover-q1) gains confidence as guided setup ships: 5, 6, 6, 7, 7, 7 (RISING).
- Customer Care Tools stays at 6 (STEADY); SME Onboarding slips from 6 to 5 (STEADY: within 2 points).
Each check-in's key-result values are measurements with source "check-in", and every recorded KR's latest
value is the `current` that graph/seed/demo.py gives it, so the demo's progress figures do not change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]
SOURCE = "check-in"


def _at(day: str, hour: int) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def _check_in(
    objective_id: str,
    day: str,
    confidence: int,
    author: str,
    plan: str,
    issues: tuple[str, ...] = (),
    values: dict[str, float] | None = None,
) -> Row:
    """A check-in held on `day` at 09:00 UTC; its values were observed at 08:00 that day."""
    short = objective_id.removeprefix("obj-")
    return {
        "id": f"checkin-{short}-{day}",
        "objectiveId": objective_id,
        "confidence": confidence,
        "issues": list(issues),
        "plan": plan,
        "author": author,
        "createdAt": _at(day, 9),
        "idempotencyKey": f"demo:{objective_id}:{day}",
        "values": [
            {
                "measurementId": f"m-{kr.removeprefix('kr-')}-{day}",
                "keyResultId": kr,
                "value": value,
                "observedAt": _at(day, 8),
                "receivedAt": _at(day, 9),
                "source": SOURCE,
            }
            for kr, value in (values or {}).items()
        ],
    }


VENDOR_SLIP = "The ID-scanning vendor's SDK update slipped two weeks"
IDENTITY = "Priya Shah (Identity)"
DISCOVER = "Tom Berg (Discover)"

CHECK_INS: list[Row] = [
    # Identity: the falling-confidence case.
    _check_in(
        "obj-identity-q1",
        "2026-01-05",
        7,
        IDENTITY,
        "Integrate the document-scanning SDK behind a feature flag.",
        values={"kr-identity-instant-verification": 12.0},
    ),
    _check_in(
        "obj-identity-q1",
        "2026-01-12",
        7,
        IDENTITY,
        "Turn instant verification on for 10% of sign-ups.",
        values={"kr-identity-instant-verification": 15.0},
    ),
    _check_in(
        "obj-identity-q1",
        "2026-01-19",
        6,
        IDENTITY,
        "Add a fallback flow for phones whose camera the SDK cannot use.",
        ("Scanning fails on older Android phones",),
        {"kr-identity-instant-verification": 19.0},
    ),
    _check_in(
        "obj-identity-q1",
        "2026-01-26",
        6,
        IDENTITY,
        "Ship the fallback flow; agree a new SDK date with the vendor.",
        (VENDOR_SLIP,),
        {"kr-identity-instant-verification": 23.0},
    ),
    _check_in(
        "obj-identity-q1",
        "2026-02-02",
        6,
        IDENTITY,
        "Review the first 1,000 instant checks with the fraud team.",
        (VENDOR_SLIP, "The fraud team wants a manual review of the first 1,000 instant checks"),
        {"kr-identity-instant-verification": 27.0, "kr-identity-fraud": 0.09},
    ),
    _check_in(
        "obj-identity-q1",
        "2026-02-09",
        3,
        IDENTITY,
        "Escalate with the vendor; ask Discover and SME Onboarding to plan for manual checks until April.",
        (
            "The vendor paused its SDK update until April",
            "1,200 sign-ups wait in the manual review queue",
        ),
        {"kr-identity-instant-verification": 30.0, "kr-identity-fraud": 0.08},
    ),
    # Discover: confidence rises as guided setup ships.
    _check_in("obj-discover-q1", "2026-01-05", 5, DISCOVER, "Start guided account setup (EPIC-7)."),
    _check_in(
        "obj-discover-q1",
        "2026-01-12",
        6,
        DISCOVER,
        "Ship guided setup to 20% of new users.",
        ("Instant ID verification is not ready; sign-ups still wait for a manual check",),
        {"kr-discover-tickets": 390.0},
    ),
    _check_in("obj-discover-q1", "2026-01-19", 6, DISCOVER, "Ship guided setup to everyone."),
    _check_in(
        "obj-discover-q1",
        "2026-01-26",
        7,
        DISCOVER,
        "Design the interactive welcome tutorial (EPIC-9).",
        values={"kr-discover-tickets": 375.0},
    ),
    _check_in("obj-discover-q1", "2026-02-02", 7, DISCOVER, "Test the tutorial with ten new customers."),
    _check_in(
        "obj-discover-q1",
        "2026-02-09",
        7,
        DISCOVER,
        "Build the welcome tutorial; keep an eye on Identity's SDK delay.",
        ("Identity's instant verification slips to April",),
        {"kr-discover-tickets": 360.0},
    ),
    # Customer Care Tools: steady.
    *(
        _check_in(
            "obj-care-q1",
            day,
            6,
            "Ana Costa (Customer Care Tools)",
            plan,
            values={"kr-care-first-call": value},
        )
        for day, value, plan in (
            ("2026-01-12", 61.0, "Give agents the new customer's onboarding state on screen."),
            ("2026-01-26", 62.5, "Add answers to the ten most common first-week questions."),
            ("2026-02-09", 64.0, "Route new customers' calls to agents trained on onboarding."),
        )
    ),
    # SME Onboarding: slips by one point.
    _check_in(
        "obj-sme-onboarding-q1",
        "2026-01-05",
        6,
        "Jon Eriksen (SME Onboarding)",
        "Find where business owners give up during sign-up.",
        values={"kr-sme-one-sitting": 36.0},
    ),
    _check_in(
        "obj-sme-onboarding-q1",
        "2026-01-19",
        6,
        "Jon Eriksen (SME Onboarding)",
        "Let business owners save sign-up and come back.",
        values={"kr-sme-one-sitting": 38.0},
    ),
    _check_in(
        "obj-sme-onboarding-q1",
        "2026-02-09",
        5,
        "Jon Eriksen (SME Onboarding)",
        "Pre-fill company details from the business register.",
        ("Business owners abandon sign-up while they wait for a manual ID check",),
        {"kr-sme-one-sitting": 41.0},
    ),
]


def _retrospective(
    id: str,
    kind: str,
    day: str,
    author: str,
    *,
    objective_id: str | None = None,
    team_id: str | None = None,
    **lists: list[str],
) -> Row:
    return {
        "id": id,
        "objectiveId": objective_id,
        "teamId": team_id,
        "cycleId": "cycle-2026-q1",
        "kind": kind,
        **{
            name: lists.get(name, [])
            for name in ("attractors", "detractors", "learnings", "surprises", "changes")
        },
        "author": author,
        "createdAt": _at(day, 15),
        "idempotencyKey": f"demo:{id}",
    }


# Identity reflects half-way through Q1; Discover closes Q1 with an END retrospective, which scores its KRs.
RETROSPECTIVES: list[Row] = [
    _retrospective(
        "retro-identity-q1-mid",
        "MID_CYCLE",
        "2026-02-13",
        IDENTITY,
        objective_id="obj-identity-q1",
        attractors=["Instant checks pass 95% of the time on recent phones"],
        detractors=["One vendor owns the scanning SDK, and its update slipped to April"],
        learnings=["A KR that rests on a vendor's release needs the vendor's date in writing"],
        surprises=["The fraud rate fell while instant checks grew"],
        changes=["Plan a second scanning vendor", "Tell dependent teams about slips the same day"],
    ),
    _retrospective(
        "retro-discover-q1-end",
        "END",
        "2026-03-30",
        DISCOVER,
        team_id="team-discover",
        attractors=["Guided setup shipped in January", "Weekly check-ins kept the plan honest"],
        detractors=["Sign-ups waited for manual ID checks all quarter"],
        learnings=["Fewer setup tickets came from guided setup, not from more help pages"],
        surprises=["Tutorial engagement barely moved"],
        changes=["Carry the tutorial KR into Q2 with a new design"],
    ),
]
