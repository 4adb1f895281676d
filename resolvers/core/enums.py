"""GraphQL enums: the domain's own enums, registered with Strawberry (the same classes, so types line up)."""

from __future__ import annotations

import strawberry

from graph.core.models import (
    CycleKind,
    CycleStatus,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveStatus,
    RollupMethod,
    TeamKind,
    Tier,
)

strawberry.enum(TeamKind, description="Where a unit sits in the organisation tree.")
strawberry.enum(CycleKind, description="A year, or a quarter within a year.")
strawberry.enum(CycleStatus, description="OPEN, or CLOSED: a closed cycle's objectives are frozen.")
strawberry.enum(Tier, description="STRATEGIC (company or business unit) or TEAM (tactical) OKRs.")
strawberry.enum(ObjectiveStatus, description="An objective's life cycle; ARCHIVED keeps it out of the way.")
strawberry.enum(KeyResultKind, description="A metric movement, a milestone, or a KBI.")
strawberry.enum(
    Direction, description="Which way a metric should move; STAY_* are guard-rails around a threshold."
)
strawberry.enum(
    RollupMethod,
    description="How contributions roll up into a parent: MEAN, a weighted mean; SUM, weights are shares of the "
    "parent's target and weighted progress adds up (sales-like targets).",
)
strawberry.enum(InitiativeStatus, description="Where backlog work stands.")

__all__ = [
    "CycleKind",
    "CycleStatus",
    "Direction",
    "InitiativeStatus",
    "KeyResultKind",
    "ObjectiveStatus",
    "RollupMethod",
    "TeamKind",
    "Tier",
]
