"""What is put at risk when a key result or objective slips: the goals above it and those that depend on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Database
from graph.core.errors import not_found


class GoalKind(StrEnum):
    PRIORITY = "PRIORITY"
    STRATEGIC_OBJECTIVE = "STRATEGIC_OBJECTIVE"
    TEAM_OBJECTIVE = "TEAM_OBJECTIVE"


@dataclass(frozen=True)
class ImpactedGoal:
    """A priority or objective at risk, how far away it is and whether only a dependency links it."""

    kind: GoalKind
    id: str
    title: str
    owner_id: str | None
    owner_name: str | None
    distance: int
    through_dependency: bool

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> ImpactedGoal:
        return cls(
            kind=GoalKind(m["kind"]),
            id=m["id"],
            title=m["title"],
            owner_id=m["ownerId"],
            owner_name=m["ownerName"],
            distance=m["distance"],
            through_dependency=m["throughDependency"],
        )


@dataclass(frozen=True)
class Impact:
    """The goals at risk, by kind, each nearest first."""

    priorities: list[ImpactedGoal]
    strategic_objectives: list[ImpactedGoal]
    team_objectives: list[ImpactedGoal]


async def impact(db: Database, *, id: str) -> Impact:
    """Return the priorities and objectives put at risk if the key result or objective `id` slips."""
    rows = await db.read("alignment/impact", id=id)
    if not rows and not await db.read("links/find_alignables", ids=[id]):
        raise not_found("objective or key result", "id", id)
    goals = [ImpactedGoal.from_row(row) for row in rows]
    return Impact(
        priorities=[g for g in goals if g.kind is GoalKind.PRIORITY],
        strategic_objectives=[g for g in goals if g.kind is GoalKind.STRATEGIC_OBJECTIVE],
        team_objectives=[g for g in goals if g.kind is GoalKind.TEAM_OBJECTIVE],
    )
