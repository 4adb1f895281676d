"""Orphaned objectives and unsupported strategy: the gaps between strategy and team work."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Reader
from graph.core.models import Objective, Priority
from graph.core.paging import Page, cut


class OrphanReason(StrEnum):
    NO_PARENT = "NO_PARENT"
    NO_PRIORITY = "NO_PRIORITY"
    PARENT_OUTSIDE_CYCLE = "PARENT_OUTSIDE_CYCLE"
    CHAIN_BROKEN = "CHAIN_BROKEN"


class UnsupportedReason(StrEnum):
    NO_SUPPORTING_OBJECTIVE = "NO_SUPPORTING_OBJECTIVE"
    NO_TEAM_CONTRIBUTOR = "NO_TEAM_CONTRIBUTOR"


@dataclass(frozen=True)
class OrphanedObjective:
    objective: Objective
    reason: OrphanReason
    parent_ids: list[str]

    @property
    def id(self) -> str:
        return self.objective.id

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OrphanedObjective:
        return cls(
            objective=Objective.from_row(row),
            reason=OrphanReason(row["reason"]),
            parent_ids=list(row["parentIds"]),
        )


@dataclass(frozen=True)
class UnsupportedPriority:
    priority: Priority
    reason: UnsupportedReason


@dataclass(frozen=True)
class UnsupportedStrategy:
    priorities: list[UnsupportedPriority]
    objectives: list[Objective]


async def orphaned_objectives(
    db: Reader, *, cycle_id: str, unit_id: str | None, after: str | None, first: int | None
) -> Page[OrphanedObjective]:
    """Return one page of orphaned objectives in id order (first=None: all of them)."""
    rows = await db.read(
        "alignment/orphaned_objectives", cycleId=cycle_id, unitId=unit_id, after=after, first=first
    )
    return cut([OrphanedObjective.from_row(row) for row in rows], first)


async def count_orphaned_objectives(db: Reader, *, cycle_id: str, unit_id: str | None) -> int:
    """Return how many objectives orphaned_objectives lists, without reading them."""
    rows = await db.read("alignment/count_orphaned_objectives", cycleId=cycle_id, unitId=unit_id)
    return int(rows[0]["total"]) if rows else 0


async def unsupported_strategy(db: Reader, *, cycle_id: str) -> UnsupportedStrategy:
    """Return the priorities and strategic objectives that no team objective contributes to."""
    rows = await db.read("alignment/unsupported_strategy", cycleId=cycle_id)
    return UnsupportedStrategy(
        priorities=[
            UnsupportedPriority(Priority.from_row(row), UnsupportedReason(row["reason"]))
            for row in rows
            if row["kind"] == "PRIORITY"
        ],
        objectives=[Objective.from_row(row) for row in rows if row["kind"] == "OBJECTIVE"],
    )
