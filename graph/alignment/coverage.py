"""Coverage of the strategy: per business unit and per priority."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.core.db import Database
from graph.core.models import Priority


@dataclass(frozen=True)
class UnitCoverage:
    unit_id: str
    team_objectives: int
    aligned: int
    orphaned: int
    aligned_share: float | None
    orphaned_share: float | None
    teams_without_objectives: list[str]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> UnitCoverage:
        return cls(
            unit_id=row["unitId"],
            team_objectives=row["teamObjectives"],
            aligned=row["aligned"],
            orphaned=row["orphaned"],
            aligned_share=row["alignedShare"],
            orphaned_share=row["orphanedShare"],
            teams_without_objectives=list(row["teamsWithoutObjectives"]),
        )


@dataclass(frozen=True)
class PriorityCoverage:
    priority: Priority
    strategic_objectives: int
    team_objectives: int
    teams: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PriorityCoverage:
        return cls(
            priority=Priority(
                id=row["priorityId"],
                title=row["title"],
                description=row["description"],
                cycle_id=row["cycleId"],
            ),
            strategic_objectives=row["strategicObjectives"],
            team_objectives=row["teamObjectives"],
            teams=row["teams"],
        )


async def coverage_by_unit(db: Database, *, cycle_id: str) -> list[UnitCoverage]:
    """Return, per business unit, how many of its team objectives are aligned or orphaned."""
    rows = await db.read("alignment/coverage_by_unit", cycleId=cycle_id)
    return [UnitCoverage.from_row(row) for row in rows]


async def coverage_by_priority(db: Database, *, cycle_id: str) -> list[PriorityCoverage]:
    """Return, per priority, how many strategic objectives, team objectives and teams stand behind it."""
    rows = await db.read("alignment/coverage_by_priority", cycleId=cycle_id)
    return [PriorityCoverage.from_row(row) for row in rows]
