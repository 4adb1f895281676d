"""Mutations on organisations and teams."""

from __future__ import annotations

from typing import Annotated

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


@strawberry.input(description="A new organisation: the whole company.")
class CreateOrganisationInput:
    name: str = strawberry.field(description="The company's name (1-200 characters).")
    vision: str | None = strawberry.field(
        default=None, description="The vision strategy starts from (up to 4000 characters)."
    )
    objective_limit: int | None = strawberry.field(default=None, description=OBJECTIVE_LIMIT)
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to an organisation: only the fields sent change.")
class UpdateOrganisationInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name; omit to keep it.")
    vision: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new vision; null clears it, omit to keep it."
    )
    objective_limit: int | None = strawberry.field(
        default=strawberry.UNSET, description=OBJECTIVE_LIMIT + " Null goes back to the default."
    )


@strawberry.input(description="A new unit in the organisation tree.")
class CreateTeamInput:
    name: str = strawberry.field(description="The unit's name (1-200 characters).")
    kind: TeamKind = strawberry.field(description="COMPANY, BUSINESS_UNIT or TEAM.")
    organisation_id: strawberry.ID = strawberry.field(description="The organisation it belongs to.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The unit it sits in (same organisation); null only for the COMPANY."
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to a unit: only the fields sent change.")
class UpdateTeamInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name; omit to keep it.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Move under this unit."
    )


@strawberry.type
class OrganisationMutations:
    @strawberry.mutation(description="Create an organisation: the whole company, with its vision.")
    async def create_organisation(
        self,
        info: Info,
        input: Annotated[CreateOrganisationInput, strawberry.argument(description="The new organisation.")],
    ) -> Organisation:
        created = await organisations.create_organisation(
            info.context.db,
            id=input.id,
            name=input.name,
            vision=input.vision,
            objective_limit=input.objective_limit,
        )
        return Organisation.of(created)

    @strawberry.mutation(description="Change an organisation's name, vision or objective limit.")
    async def update_organisation(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The organisation to change.")],
        input: Annotated[
            UpdateOrganisationInput,
            strawberry.argument(description="The fields to change; omitted ones stay."),
        ],
    ) -> Organisation:
        changes = provided(
            {"name": input.name, "vision": input.vision, "objectiveLimit": input.objective_limit}
        )
        return Organisation.of(
            await organisations.update_organisation(info.context.db, id=id, changes=changes)
        )

    @strawberry.mutation(
        description="Delete an organisation that has no teams left; with confirm repeating its id, delete it with "
        "all its units, objectives, key results and their history (in batched transactions)."
    )
    async def delete_organisation(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The organisation to delete.")],
        confirm: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The organisation's id again, to delete everything in it too (its units, cycles, "
                "priorities, initiatives and OKRs); null: only an organisation without teams."
            ),
        ] = None,
    ) -> Deleted:
        deleted = await organisations.delete_organisation(info.context.db, id=id, confirm=confirm)
        return Deleted(id=strawberry.ID(deleted))

    @strawberry.mutation(
        description="Create a unit (the company, a business unit or a team) in the organisation tree."
    )
    async def create_team(
        self, info: Info, input: Annotated[CreateTeamInput, strawberry.argument(description="The new unit.")]
    ) -> Team:
        created = await teams.create_team(
            info.context.db,
            id=input.id,
            name=input.name,
            kind=input.kind,
            organisation_id=input.organisation_id,
            parent_id=input.parent_id,
        )
        return Team.of(created)

    @strawberry.mutation(description="Rename a unit, or move it under another unit (never inside itself).")
    async def update_team(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The unit to change.")],
        input: Annotated[
            UpdateTeamInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> Team:
        changes = provided({"name": input.name, "parent_id": input.parent_id})
        updated = await teams.update_team(
            info.context.db, id=id, name=changes.get("name"), parent_id=changes.get("parent_id")
        )
        return Team.of(updated)

    @strawberry.mutation(description="Delete a team with no sub-units and no objectives.")
    async def delete_team(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The unit to delete.")]
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await teams.delete_team(info.context.db, id=id)))
