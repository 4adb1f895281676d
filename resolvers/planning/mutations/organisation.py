"""Mutations on organisations and teams."""

from __future__ import annotations

import strawberry

from graph.planning import organisations, teams
from resolvers.core.context import Info
from resolvers.core.enums import TeamKind
from resolvers.planning.mutations.common import Deleted, provided
from resolvers.planning.units import Organisation, Team

OBJECTIVE_LIMIT = (
    "The most objectives a team should own in one cycle, 1 to 50 (null: the default, AG_HEALTH_OBJECTIVE_LIMIT, "
    "3); health reports teams above it."
)


@strawberry.input
class CreateOrganisationInput:
    name: str
    vision: str | None = None
    objective_limit: int | None = strawberry.field(default=None, description=OBJECTIVE_LIMIT)
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input
class UpdateOrganisationInput:
    name: str | None = strawberry.UNSET
    vision: str | None = strawberry.UNSET
    objective_limit: int | None = strawberry.field(
        default=strawberry.UNSET, description=OBJECTIVE_LIMIT + " Null goes back to the default."
    )


@strawberry.input
class CreateTeamInput:
    name: str
    kind: TeamKind
    organisation_id: strawberry.ID
    parent_id: strawberry.ID | None = None
    id: strawberry.ID | None = None


@strawberry.input
class UpdateTeamInput:
    name: str | None = strawberry.UNSET
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Move under this unit."
    )


@strawberry.type
class OrganisationMutations:
    @strawberry.mutation
    async def create_organisation(self, info: Info, input: CreateOrganisationInput) -> Organisation:
        created = await organisations.create_organisation(
            info.context.db,
            id=input.id,
            name=input.name,
            vision=input.vision,
            objective_limit=input.objective_limit,
        )
        return Organisation.of(created)

    @strawberry.mutation
    async def update_organisation(
        self, info: Info, id: strawberry.ID, input: UpdateOrganisationInput
    ) -> Organisation:
        changes = provided(
            {"name": input.name, "vision": input.vision, "objectiveLimit": input.objective_limit}
        )
        return Organisation.of(
            await organisations.update_organisation(info.context.db, id=id, changes=changes)
        )

    @strawberry.mutation(description="Delete an organisation that has no teams left.")
    async def delete_organisation(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await organisations.delete_organisation(info.context.db, id=id)))

    @strawberry.mutation
    async def create_team(self, info: Info, input: CreateTeamInput) -> Team:
        created = await teams.create_team(
            info.context.db,
            id=input.id,
            name=input.name,
            kind=input.kind,
            organisation_id=input.organisation_id,
            parent_id=input.parent_id,
        )
        return Team.of(created)

    @strawberry.mutation
    async def update_team(self, info: Info, id: strawberry.ID, input: UpdateTeamInput) -> Team:
        changes = provided({"name": input.name, "parent_id": input.parent_id})
        updated = await teams.update_team(
            info.context.db, id=id, name=changes.get("name"), parent_id=changes.get("parent_id")
        )
        return Team.of(updated)

    @strawberry.mutation(description="Delete a team with no sub-units and no objectives.")
    async def delete_team(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await teams.delete_team(info.context.db, id=id)))
