"""The demo organisation: the bank from the product brief's worked example, made complete.

`seed_demo` loads it in one write transaction. Every node is merged on its id and every edge is
merged, so running it again changes nothing and duplicates nothing. docs/DEMO.md describes the data
and what each analysis question finds in it. The units, objectives and key results sit in demo_units.py,
demo_objectives.py and demo_key_results.py, the check-ins and retrospectives in demo_cycle.py, the other
measurements in demo_history.py; the links
between them are here.
"""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.planning import alignment_state
from graph.seed.demo_cycle import CHECK_INS, RETROSPECTIVES
from graph.seed.demo_history import MEASUREMENTS
from graph.seed.demo_key_results import KEY_RESULTS
from graph.seed.demo_objectives import OBJECTIVES
from graph.seed.demo_units import CYCLES, ORGANISATIONS, PRIORITIES, TEAMS

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

INITIATIVES: list[Row] = [
    {
        "id": "init-instant-id",
        "title": "Instant ID verification with document scanning",
        "url": "https://tracker.example.com/EPIC-12",
        "status": "IN_PROGRESS",
        "organisationId": "org-bank",
    },
    {
        "id": "init-guided-setup",
        "title": "Guided account setup in the mobile app",
        "url": "https://tracker.example.com/EPIC-7",
        "status": "IN_PROGRESS",
        "organisationId": "org-bank",
    },
    {
        "id": "init-welcome-tutorial",
        "title": "Interactive welcome tutorial",
        "url": "https://tracker.example.com/EPIC-9",
        "status": "PLANNED",
        "organisationId": "org-bank",
    },
    {
        "id": "init-failover-drill",
        "title": "Data-centre failover drill for payments",
        "url": "https://tracker.example.com/EPIC-31",
        "status": "DONE",
        "organisationId": "org-bank",
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
    ("demo/merge_measurements", MEASUREMENTS),
    ("demo/merge_retrospectives", RETROSPECTIVES),
)


async def seed_demo(db: Database, *, reset: bool = False) -> dict[str, int]:
    """Load the demo organisation in one write transaction; return node counts per label afterwards.

    Idempotent: nodes are merged on id and edges are merged, so a second run changes nothing.
    The counts cover the whole graph, not only the demo's nodes. With `reset`, the same transaction first
    deletes the demo organisation and everything added to it (cypher/demo/delete_demo.cypher), so the demo is
    as new; API tokens and other organisations stay.
    """

    async def work(tx: Tx) -> dict[str, int]:
        if reset:
            await tx.run("demo/delete_demo", organisationIds=[o["id"] for o in ORGANISATIONS], ids=DEMO_IDS)
        for name, rows in STEPS:
            await tx.run(name, rows=rows)
        for organisation in ORGANISATIONS:
            await alignment_state.rebuild(tx, organisation["id"])
        counts = await tx.one("demo/count_nodes")
        assert counts is not None  # a RETURN without MATCH always yields one row
        return {label: int(counts[label]) for label in LABELS}

    return await db.write(work)


# The ids of the demo's nodes that no organisation reaches (cycles, priorities) or that may have moved.
DEMO_IDS = [row["id"] for rows in (CYCLES, PRIORITIES, OBJECTIVES, KEY_RESULTS, INITIATIVES) for row in rows]
