"""Mutations on cycles, priorities and initiatives."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.planning import cycles, initiatives, priorities
from resolvers.core.context import Info
from resolvers.core.enums import CycleKind, InitiativeStatus
from resolvers.planning.mutations.common import Deleted, provided
from resolvers.planning.okrs import Initiative
from resolvers.planning.units import Cycle, Priority


@strawberry.input(description="A new cycle: a year, or a quarter within a year.")
class CreateCycleInput:
    name: str = strawberry.field(description='Its name, e.g. "2026" or "Q1 2026" (1-200 characters).')
    kind: CycleKind = strawberry.field(description="YEAR, or QUARTER (which needs parentId).")
    start_date: dt.date = strawberry.field(description="Its first day; for a quarter, within its year.")
    end_date: dt.date = strawberry.field(
        description="Its last day, after startDate; for a quarter, within its year."
    )
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="The year of a quarter.")
    organisation_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The organisation it belongs to; default: a quarter's year's, else the token's, else the "
        "only one (VALIDATION when there is more than one).",
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to a cycle: only the fields sent change.")
class UpdateCycleInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name; omit to keep it.")
    start_date: dt.date | None = strawberry.field(
        default=strawberry.UNSET,
        description="A new first day (its quarters must still fit); omit to keep it.",
    )
    end_date: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="A new last day (its quarters must still fit); omit to keep it."
    )


@strawberry.input(description="A new strategic priority for a cycle.")
class CreatePriorityInput:
    title: str = strawberry.field(description="What leadership bets on (1-200 characters).")
    cycle_id: strawberry.ID = strawberry.field(description="The cycle (usually a year) it is a priority for.")
    description: str | None = strawberry.field(
        default=None, description="More about it (up to 4000 characters)."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organisation it belongs to: its cycle's (omit it, or give that one)."
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to a priority: only the fields sent change.")
class UpdatePriorityInput:
    title: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new title; omit to keep it."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="New text; null clears it, omit to keep it."
    )


@strawberry.input(description="New backlog work; link it to key results with linkInitiative.")
class CreateInitiativeInput:
    title: str = strawberry.field(description="What the work is (1-200 characters).")
    url: str | None = strawberry.field(
        default=None,
        description="A link to it in an outside tracker (http:// or https://, up to 2000 characters).",
    )
    status: InitiativeStatus = strawberry.field(
        default=InitiativeStatus.PLANNED, description="Where the work stands; default PLANNED."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The organisation it belongs to; default: the token's, else the only one (VALIDATION when "
        "there is more than one).",
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to an initiative: only the fields sent change.")
class UpdateInitiativeInput:
    title: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new title; omit to keep it."
    )
    url: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new link; null clears it, omit to keep it."
    )
    status: InitiativeStatus | None = strawberry.field(
        default=strawberry.UNSET, description="A new status; omit to keep it."
    )


@strawberry.type
class PlanningMutations:
    @strawberry.mutation(description="Create a year, or a quarter within a year.")
    async def create_cycle(
        self,
        info: Info,
        input: Annotated[CreateCycleInput, strawberry.argument(description="The new cycle.")],
    ) -> Cycle:
        created = await cycles.create_cycle(
            info.context.db,
            id=input.id,
            name=input.name,
            kind=input.kind,
            start_date=input.start_date,
            end_date=input.end_date,
            parent_id=input.parent_id,
            organisation_id=input.organisation_id,
        )
        return Cycle.of(created)

    @strawberry.mutation(description="Rename a cycle or move its dates; CONFLICT once it is closed.")
    async def update_cycle(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The cycle to change.")],
        input: Annotated[
            UpdateCycleInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> Cycle:
        changes = provided({"name": input.name, "startDate": input.start_date, "endDate": input.end_date})
        return Cycle.of(await cycles.update_cycle(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete a cycle that holds no sub-cycles, objectives or priorities.")
    async def delete_cycle(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The cycle to delete.")],
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await cycles.delete_cycle(info.context.db, id=id)))

    @strawberry.mutation(description="Create a strategic priority (theme, bet) for a cycle.")
    async def create_priority(
        self,
        info: Info,
        input: Annotated[CreatePriorityInput, strawberry.argument(description="The new priority.")],
    ) -> Priority:
        created = await priorities.create_priority(
            info.context.db,
            id=input.id,
            title=input.title,
            description=input.description,
            cycle_id=input.cycle_id,
            organisation_id=input.organisation_id,
        )
        return Priority.of(created)

    @strawberry.mutation(description="Change a priority's title or description.")
    async def update_priority(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The priority to change.")],
        input: Annotated[
            UpdatePriorityInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> Priority:
        changes = provided({"title": input.title, "description": input.description})
        return Priority.of(await priorities.update_priority(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete a priority and the SUPPORTS edges to it.")
    async def delete_priority(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The priority to delete.")],
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await priorities.delete_priority(info.context.db, id=id)))

    @strawberry.mutation(
        description="Create backlog work (an epic, a project); linkInitiative ties it to key results."
    )
    async def create_initiative(
        self,
        info: Info,
        input: Annotated[CreateInitiativeInput, strawberry.argument(description="The new initiative.")],
    ) -> Initiative:
        created = await initiatives.create_initiative(
            info.context.db,
            id=input.id,
            title=input.title,
            url=input.url,
            status=input.status,
            organisation_id=input.organisation_id,
        )
        return Initiative.of(created)

    @strawberry.mutation(description="Change an initiative's title, link or status.")
    async def update_initiative(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The initiative to change.")],
        input: Annotated[
            UpdateInitiativeInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> Initiative:
        changes = provided({"title": input.title, "url": input.url, "status": input.status})
        return Initiative.of(await initiatives.update_initiative(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete an initiative and its ADVANCES edges.")
    async def delete_initiative(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The initiative to delete.")],
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await initiatives.delete_initiative(info.context.db, id=id)))
