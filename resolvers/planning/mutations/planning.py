"""Mutations on cycles, priorities and initiatives."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.planning import cycles, initiatives, priorities
from resolvers.core.context import Info
from resolvers.core.enums import CycleKind, InitiativeStatus
from resolvers.planning.mutations.common import Deleted, provided
from resolvers.planning.okrs import Initiative
from resolvers.planning.units import Cycle, Priority


@strawberry.input
class CreateCycleInput:
    name: str
    kind: CycleKind
    start_date: dt.date
    end_date: dt.date
    parent_id: strawberry.ID | None = strawberry.field(default=None, description="The year of a quarter.")
    id: strawberry.ID | None = None


@strawberry.input
class UpdateCycleInput:
    name: str | None = strawberry.UNSET
    start_date: dt.date | None = strawberry.UNSET
    end_date: dt.date | None = strawberry.UNSET


@strawberry.input
class CreatePriorityInput:
    title: str
    cycle_id: strawberry.ID
    description: str | None = None
    id: strawberry.ID | None = None


@strawberry.input
class UpdatePriorityInput:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET


@strawberry.input
class CreateInitiativeInput:
    title: str
    url: str | None = None
    status: InitiativeStatus = InitiativeStatus.PLANNED
    id: strawberry.ID | None = None


@strawberry.input
class UpdateInitiativeInput:
    title: str | None = strawberry.UNSET
    url: str | None = strawberry.UNSET
    status: InitiativeStatus | None = strawberry.UNSET


@strawberry.type
class PlanningMutations:
    @strawberry.mutation
    async def create_cycle(self, info: Info, input: CreateCycleInput) -> Cycle:
        created = await cycles.create_cycle(
            info.context.db,
            id=input.id,
            name=input.name,
            kind=input.kind,
            start_date=input.start_date,
            end_date=input.end_date,
            parent_id=input.parent_id,
        )
        return Cycle.of(created)

    @strawberry.mutation
    async def update_cycle(self, info: Info, id: strawberry.ID, input: UpdateCycleInput) -> Cycle:
        changes = provided({"name": input.name, "startDate": input.start_date, "endDate": input.end_date})
        return Cycle.of(await cycles.update_cycle(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete a cycle that holds no sub-cycles, objectives or priorities.")
    async def delete_cycle(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await cycles.delete_cycle(info.context.db, id=id)))

    @strawberry.mutation
    async def create_priority(self, info: Info, input: CreatePriorityInput) -> Priority:
        created = await priorities.create_priority(
            info.context.db,
            id=input.id,
            title=input.title,
            description=input.description,
            cycle_id=input.cycle_id,
        )
        return Priority.of(created)

    @strawberry.mutation
    async def update_priority(self, info: Info, id: strawberry.ID, input: UpdatePriorityInput) -> Priority:
        changes = provided({"title": input.title, "description": input.description})
        return Priority.of(await priorities.update_priority(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete a priority and the SUPPORTS edges to it.")
    async def delete_priority(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await priorities.delete_priority(info.context.db, id=id)))

    @strawberry.mutation
    async def create_initiative(self, info: Info, input: CreateInitiativeInput) -> Initiative:
        created = await initiatives.create_initiative(
            info.context.db, id=input.id, title=input.title, url=input.url, status=input.status
        )
        return Initiative.of(created)

    @strawberry.mutation
    async def update_initiative(
        self, info: Info, id: strawberry.ID, input: UpdateInitiativeInput
    ) -> Initiative:
        changes = provided({"title": input.title, "url": input.url, "status": input.status})
        return Initiative.of(await initiatives.update_initiative(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete an initiative and its ADVANCES edges.")
    async def delete_initiative(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await initiatives.delete_initiative(info.context.db, id=id)))
