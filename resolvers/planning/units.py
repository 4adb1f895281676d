"""GraphQL types of the organisation and its plan's frame: organisation, team, cycle, priority.

Team.objectives and Priority.supportedBy are Objectives (resolvers/planning/okrs.py, which imports this
module): they are named with strawberry.lazy and built through `later` (resolvers/core/lazy.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from graph.core import models
from graph.planning import teams
from resolvers.core.context import Info
from resolvers.core.enums import CycleKind, CycleStatus, TeamKind
from resolvers.core.errors import present
from resolvers.core.lazy import later
from resolvers.core.node import Node
from resolvers.planning.loaders import planning_loaders

if TYPE_CHECKING:
    from resolvers.planning.okrs import Objective
    from resolvers.rituals.retrospectives import Retrospective

OKRS = "resolvers.planning.okrs"
RETROSPECTIVES = "resolvers.rituals.retrospectives"


@strawberry.type(description="The whole company; holds the vision.")
class Organisation(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    name: str = strawberry.field(description="The company's name.")
    vision: str | None = strawberry.field(
        description="The vision strategy starts from; null when not written."
    )
    objective_limit: int | None = strawberry.field(
        description="The most objectives a team should own in one cycle; null: the default "
        "(AG_HEALTH_OBJECTIVE_LIMIT, 3). `health` reports teams above it."
    )

    @classmethod
    def of(cls, m: models.Organisation) -> Organisation:
        return cls(id=strawberry.ID(m.id), name=m.name, vision=m.vision, objective_limit=m.objective_limit)

    @strawberry.field(
        description="The units at the top of its tree (its company: in no other unit), in id order; "
        "walk down with Team.children."
    )
    async def top_units(self, info: Info) -> list[Team]:
        return [Team.of(team) for team in await teams.top_units(info.context.db, self.id)]


async def _organisation(info: Info, id: str | None) -> Organisation | None:
    """A node's organisation; null only for a node stored before organisations were kept apart."""
    found = await planning_loaders(info).organisation_by_id.load(id) if id is not None else None
    return Organisation.of(found) if found is not None else None


@strawberry.type(description="A unit that owns OKRs: the company, a business unit or a team.")
class Team(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    name: str = strawberry.field(description="The unit's name, as people know it.")
    kind: TeamKind = strawberry.field(description="Company, business unit or team.")
    organisation_id: strawberry.Private[str]
    parent_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, m: models.Team) -> Team:
        return cls(
            id=strawberry.ID(m.id),
            name=m.name,
            kind=m.kind,
            organisation_id=m.organisation_id,
            parent_id=m.parent_id,
        )

    @strawberry.field(description="The organisation the unit belongs to.")
    async def organisation(self, info: Info) -> Organisation:
        return Organisation.of(
            present(await planning_loaders(info).organisation_by_id.load(self.organisation_id))
        )

    @strawberry.field(description="The unit this one sits in; null for the company.")
    async def parent(self, info: Info) -> Team | None:
        if self.parent_id is None:
            return None
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.parent_id)))

    @strawberry.field(description="The units directly inside this one.")
    async def children(self, info: Info) -> list[Team]:
        return [Team.of(t) for t in await planning_loaders(info).teams_by_parent.load(self.id)]

    @strawberry.field(description="The objectives this unit owns (not its sub-units').")
    async def objectives(self, info: Info) -> list[Annotated[Objective, strawberry.lazy(OKRS)]]:
        of = later(__name__, OKRS).Objective.of
        return [of(o) for o in await planning_loaders(info).objectives_by_owner.load(self.id)]

    @strawberry.field(
        description="The team's own retrospectives, newest first; with cycleId, of that cycle only."
    )
    async def retrospectives(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this cycle's; null: every cycle's.")
        ] = None,
    ) -> list[Annotated[Retrospective, strawberry.lazy(RETROSPECTIVES)]]:
        found = await later(__name__, RETROSPECTIVES).of_team(info, self.id, cycle_id)
        return cast("list[Retrospective]", found)


@strawberry.type(description="A time box: a year, or a quarter within a year.")
class Cycle(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    name: str = strawberry.field(description='Its name, e.g. "2026" or "Q1 2026".')
    kind: CycleKind = strawberry.field(description="A YEAR, or a QUARTER within one.")
    start_date: dt.date = strawberry.field(description="Its first day.")
    end_date: dt.date = strawberry.field(description="Its last day (after startDate).")
    status: CycleStatus = strawberry.field(description="OPEN, or CLOSED: closeCycle froze its objectives.")
    closed_at: dt.datetime | None = strawberry.field(description="When it was closed; null while open.")
    parent_id: strawberry.Private[str | None]
    organisation_id: strawberry.Private[str | None] = None

    @classmethod
    def of(cls, m: models.Cycle) -> Cycle:
        return cls(
            id=strawberry.ID(m.id),
            name=m.name,
            kind=m.kind,
            start_date=m.start_date,
            end_date=m.end_date,
            status=m.status,
            closed_at=m.closed_at,
            parent_id=m.parent_id,
            organisation_id=m.organisation_id,
        )

    @strawberry.field(description="The organisation the cycle belongs to.")
    async def organisation(self, info: Info) -> Organisation | None:
        return await _organisation(info, self.organisation_id)

    @strawberry.field(description="The year a quarter lies in.")
    async def parent(self, info: Info) -> Cycle | None:
        if self.parent_id is None:
            return None
        return Cycle.of(present(await planning_loaders(info).cycle_by_id.load(self.parent_id)))

    @strawberry.field(description="The quarters within a year.")
    async def children(self, info: Info) -> list[Cycle]:
        return [Cycle.of(c) for c in await planning_loaders(info).cycles_by_parent.load(self.id)]


@strawberry.type(description="A strategic priority (theme, bet) for a year.")
class Priority(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    title: str = strawberry.field(
        description='What leadership bets on, e.g. "simplify onboarding for new customers".'
    )
    description: str | None = strawberry.field(description="More about the priority; null when not written.")
    cycle_id: strawberry.Private[str]
    organisation_id: strawberry.Private[str | None] = None

    @classmethod
    def of(cls, m: models.Priority) -> Priority:
        return cls(
            id=strawberry.ID(m.id),
            title=m.title,
            description=m.description,
            cycle_id=m.cycle_id,
            organisation_id=m.organisation_id,
        )

    @strawberry.field(description="The organisation the priority belongs to (its cycle's).")
    async def organisation(self, info: Info) -> Organisation | None:
        return await _organisation(info, self.organisation_id)

    @strawberry.field(description="The year (or quarter) it is a priority for.")
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await planning_loaders(info).cycle_by_id.load(self.cycle_id)))

    @strawberry.field(description="The strategic objectives that support this priority.")
    async def supported_by(self, info: Info) -> list[Annotated[Objective, strawberry.lazy(OKRS)]]:
        of = later(__name__, OKRS).Objective.of
        return [of(o) for o in await planning_loaders(info).objectives_by_priority.load(self.id)]
