"""GraphQL fields for horizontal alignment: cross-team dependencies at risk, and loops between teams."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable
from typing import Annotated

import strawberry

from graph.alignment import dependencies
from graph.alignment.dependencies import RiskReason
from graph.core.paging import Page
from resolvers.alignment.scope import check_scope
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.errors import present
from resolvers.core.pagination import After, Connection, First, connection
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import AlignmentTarget, load_target
from resolvers.planning.queries import paging
from resolvers.planning.units import Team

describe_enum(
    RiskReason,
    "Why a dependency is at risk: the depended-on end is BEHIND the progress expected by now, its "
    "owners have LOW_CONFIDENCE (4 of 10 or less), or its objective is ARCHIVED.",
    {
        "BEHIND": "Its progress is more than 0.1 below expectedProgress, the share of its cycle elapsed.",
        "LOW_CONFIDENCE": "Its objective's confidence is 4 of 10 or less.",
        "ARCHIVED": "Its objective was archived: nobody works on it any more.",
    },
)


@strawberry.type(description="One end of a dependency, with where it stands.")
class DependencyEnd:
    id: strawberry.ID = strawberry.field(description="The objective's or key result's id.")
    kind: str = strawberry.field(description='"Objective" or "KeyResult".')
    title: str = strawberry.field(description="Its title.")
    progress: float | None = strawberry.field(description="0..1; an objective's is its KRs' weighted mean.")
    confidence: int | None = strawberry.field(description="Its objective's confidence, 0..10.")
    owner_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: dependencies.DependencyEnd) -> DependencyEnd:
        return cls(
            id=strawberry.ID(m.id),
            kind=m.kind,
            title=m.title,
            progress=m.progress,
            confidence=m.confidence,
            owner_id=m.owner_id,
        )

    @strawberry.field(description="The team that owns it.")
    async def owner(self, info: Info) -> Team:
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.owner_id)))

    @strawberry.field(description="The objective or key result itself.")
    async def node(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.kind, self.id)


@strawberry.type(description="A DEPENDS_ON between two teams, and whether it is at risk.")
class DependencyRisk:
    source: DependencyEnd = strawberry.field(name="from", description="The end that waits.")
    target: DependencyEnd = strawberry.field(name="to", description="The end that is depended on.")
    note: str | None = strawberry.field(
        description="What is needed, in the teams' words; null when none given."
    )
    expected_progress: float = strawberry.field(
        description="The share (0..1) of the depended-on end's cycle elapsed on asOf."
    )
    risk_reasons: list[RiskReason] = strawberry.field(description="Why it is at risk; empty when it is not.")

    @strawberry.field(description="True when riskReasons is not empty.")
    def at_risk(self) -> bool:
        return bool(self.risk_reasons)

    @classmethod
    def of(cls, m: dependencies.DependencyRisk) -> DependencyRisk:
        return cls(
            source=DependencyEnd.of(m.source),
            target=DependencyEnd.of(m.target),
            note=m.note,
            expected_progress=m.expected_progress,
            risk_reasons=m.risk_reasons,
        )


@strawberry.type(description="Teams that wait on each other in a loop, so none can finish first.")
class DependencyLoop:
    teams: list[Team] = strawberry.field(
        description="In loop order: each depends on the next, the last on the first."
    )


@strawberry.type
class DependencyQueries:
    @strawberry.field(
        description="Dependencies between teams with either end in the cycle (or a cycle within it), ordered by "
        "(from, to) id. teamId keeps those touching a unit or its sub-units; atRiskOnly those at risk on asOf "
        "(default: today)."
    )
    async def cross_team_dependencies(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="Dependencies with either end's objective in this cycle or a cycle within it."
            ),
        ],
        team_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only those with either end owned by this unit or a unit inside it; null: all."
            ),
        ] = None,
        at_risk_only: Annotated[
            bool, strawberry.argument(description="True keeps only the dependencies at risk on asOf.")
        ] = False,
        as_of: Annotated[
            dt.date | None, strawberry.argument(description="The day progress is judged on; default today.")
        ] = None,
        first: First = 50,
        after: After = None,
    ) -> Connection[DependencyRisk]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        day = as_of or dt.date.today()

        def fetch(after: str | None, first: int | None) -> Awaitable[Page[dependencies.DependencyRisk]]:
            return dependencies.cross_team_dependencies(
                db,
                cycle_id=cycle_id,
                team_id=team_id,
                at_risk_only=at_risk_only,
                as_of=day,
                after=after,
                first=first,
            )

        page = await fetch(cursor, size)
        if not page.items:
            await check_scope(info, cycle_id=cycle_id, team_id=team_id)

        async def count() -> int:
            return len((await fetch(None, None)).items)

        return connection(page, DependencyRisk.of, count)

    @strawberry.field(description="Loops of two or three teams that depend on each other in the cycle.")
    async def dependency_loops(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="The cycle: both objectives of each dependency lie in it or a cycle within it."
            ),
        ],
    ) -> list[DependencyLoop]:
        loops = await dependencies.dependency_loops(info.context.db, cycle_id=cycle_id)
        if not loops:
            await check_scope(info, cycle_id=cycle_id)
        return [DependencyLoop(teams=[Team.of(team) for team in loop]) for loop in loops]
