"""GraphQL fields for the gaps between strategy and team work: orphans, unsupported strategy, coverage."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.alignment import coverage, orphans
from graph.alignment.orphans import OrphanReason, UnsupportedReason
from resolvers.alignment.scope import check_scope
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.errors import present
from resolvers.core.pagination import After, Connection, First, connection
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Objective
from resolvers.planning.queries import paging
from resolvers.planning.units import Priority, Team

describe_enum(
    OrphanReason,
    "Why an objective is orphaned: NO_PARENT (a team objective contributing to nothing), "
    "NO_PRIORITY (a strategic objective supporting no priority), PARENT_OUTSIDE_CYCLE (its chain only reaches "
    "strategy of another cycle), CHAIN_BROKEN (its parents are orphaned or archived themselves).",
    {
        "NO_PARENT": "A team objective that contributes to nothing.",
        "NO_PRIORITY": "A strategic objective that supports no priority and contributes to nothing.",
        "PARENT_OUTSIDE_CYCLE": "Its chain reaches strategy, but only of another cycle (e.g. last year's).",
        "CHAIN_BROKEN": "It has parents, but they are orphaned or archived themselves.",
    },
)
describe_enum(
    UnsupportedReason,
    "NO_SUPPORTING_OBJECTIVE: no strategic objective supports the priority; NO_TEAM_CONTRIBUTOR: "
    "strategy exists, but no team objective contributes to it.",
    {
        "NO_SUPPORTING_OBJECTIVE": "No strategic objective supports the priority.",
        "NO_TEAM_CONTRIBUTOR": "Strategy exists, but no team objective contributes to it.",
    },
)


@strawberry.type(description="An objective with no contributes-to path to strategy, and why.")
class OrphanedObjective:
    objective: Objective = strawberry.field(description="The orphaned objective.")
    reason: OrphanReason = strawberry.field(description="Why it has no path to strategy.")
    parent_ids: list[strawberry.ID] = strawberry.field(description="What it contributes to directly.")

    @classmethod
    def of(cls, m: orphans.OrphanedObjective) -> OrphanedObjective:
        return cls(
            objective=Objective.of(m.objective),
            reason=m.reason,
            parent_ids=[strawberry.ID(id) for id in m.parent_ids],
        )


@strawberry.type(description="A priority nobody has picked up.")
class UnsupportedPriority:
    priority: Priority = strawberry.field(description="The priority.")
    reason: UnsupportedReason = strawberry.field(
        description="Whether strategy or team work is missing behind it."
    )


@strawberry.type(description="Strategy that no team objective contributes to.")
class UnsupportedStrategy:
    priorities: list[UnsupportedPriority] = strawberry.field(
        description="Priorities of the cycle (for a quarter, its year's) with no team objective behind them, "
        "by id."
    )
    objectives: list[Objective] = strawberry.field(
        description="Strategic objectives with no team objective behind them (directly or through a chain)."
    )


@strawberry.type(description="How much of a business unit's team work is aligned with strategy.")
class UnitCoverage:
    unit_id: strawberry.Private[str]
    team_ids: strawberry.Private[list[str]]
    team_objectives: int = strawberry.field(description="Team objectives of the unit and its sub-units.")
    aligned: int = strawberry.field(
        description="Those with a contributes-to path to strategy that supports a priority."
    )
    orphaned: int = strawberry.field(description="Those without one (see orphanedObjectives).")
    aligned_share: float | None = strawberry.field(description="0..1; null when it has no team objectives.")
    orphaned_share: float | None = strawberry.field(description="0..1; null when it has no team objectives.")

    @strawberry.field(description="The business unit.")
    async def unit(self, info: Info) -> Team:
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.unit_id)))

    @strawberry.field(description="Teams inside the unit with no objective in the cycle at all.")
    async def teams_without_objectives(self, info: Info) -> list[Team]:
        return [
            Team.of(present(team))
            for team in await planning_loaders(info).team_by_id.load_many(self.team_ids)
        ]

    @classmethod
    def of(cls, m: coverage.UnitCoverage) -> UnitCoverage:
        return cls(
            unit_id=m.unit_id,
            team_ids=m.teams_without_objectives,
            team_objectives=m.team_objectives,
            aligned=m.aligned,
            orphaned=m.orphaned,
            aligned_share=m.aligned_share,
            orphaned_share=m.orphaned_share,
        )


@strawberry.type(description="How many teams and objectives stand behind a priority.")
class PriorityCoverage:
    priority: Priority = strawberry.field(description="The priority.")
    strategic_objectives: int = strawberry.field(
        description="Strategic objectives that support it (not archived)."
    )
    team_objectives: int = strawberry.field(
        description="Team objectives of the cycle with a contributes-to path to one of those."
    )
    teams: int = strawberry.field(
        description="Distinct teams that own those team objectives; 0: nobody picked it up."
    )

    @classmethod
    def of(cls, m: coverage.PriorityCoverage) -> PriorityCoverage:
        return cls(
            priority=Priority.of(m.priority),
            strategic_objectives=m.strategic_objectives,
            team_objectives=m.team_objectives,
            teams=m.teams,
        )


@strawberry.type(description="Coverage of the strategy in one cycle; each list costs one query when asked.")
class AlignmentCoverage:
    cycle_id: strawberry.Private[str]

    @strawberry.field(description="Per business unit, by name.")
    async def units(self, info: Info) -> list[UnitCoverage]:
        found = await coverage.coverage_by_unit(info.context.db, cycle_id=self.cycle_id)
        return [UnitCoverage.of(unit) for unit in found]

    @strawberry.field(description="Per priority of the cycle (or of its year), by title.")
    async def priorities(self, info: Info) -> list[PriorityCoverage]:
        found = await coverage.coverage_by_priority(info.context.db, cycle_id=self.cycle_id)
        return [PriorityCoverage.of(priority) for priority in found]


@strawberry.type
class GapQueries:
    @strawberry.field(
        description="Objectives in the cycle (or a cycle within it) with no contributes-to path to strategy, in "
        "id order; unitId limits them to a unit and its sub-units."
    )
    async def orphaned_objectives(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID, strawberry.argument(description="The cycle; a year includes its quarters.")
        ],
        unit_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only objectives owned by this unit or a unit inside it; null: the whole organisation."
            ),
        ] = None,
        first: First = 50,
        after: After = None,
    ) -> Connection[OrphanedObjective]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await orphans.orphaned_objectives(
            db, cycle_id=cycle_id, unit_id=unit_id, after=cursor, first=size
        )
        if not page.items:
            await check_scope(info, cycle_id=cycle_id, team_id=unit_id, team_field="unitId")
        return connection(
            page,
            OrphanedObjective.of,
            lambda: orphans.count_orphaned_objectives(db, cycle_id=cycle_id, unit_id=unit_id),
        )

    @strawberry.field(
        description="Priorities and strategic objectives that no team objective contributes to."
    )
    async def unsupported_strategy(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The cycle; a quarter includes its year's strategy."),
        ],
    ) -> UnsupportedStrategy:
        found = await orphans.unsupported_strategy(info.context.db, cycle_id=cycle_id)
        if not (found.priorities or found.objectives):
            await check_scope(info, cycle_id=cycle_id)
        return UnsupportedStrategy(
            priorities=[
                UnsupportedPriority(priority=Priority.of(p.priority), reason=p.reason)
                for p in found.priorities
            ],
            objectives=[Objective.of(o) for o in found.objectives],
        )

    @strawberry.field(description="Coverage of the strategy per business unit and per priority.")
    async def alignment_coverage(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID, strawberry.argument(description="The cycle; a year includes its quarters.")
        ],
    ) -> AlignmentCoverage:
        await check_scope(info, cycle_id=cycle_id)
        return AlignmentCoverage(cycle_id=cycle_id)
