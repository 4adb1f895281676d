"""The demo bank's organisation, team tree, cycles and yearly priorities (graph/seed/demo.py loads them)."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

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
        "organisationId": "org-bank",
    },
    *(
        {
            "id": f"cycle-2026-q{n}",
            "name": f"Q{n} 2026",
            "kind": "QUARTER",
            "startDate": start,
            "endDate": end,
            "parentId": "cycle-2026",
            "organisationId": "org-bank",
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
