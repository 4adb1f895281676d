"""Mutations on objectives and key results."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from graph.core.errors import ValidationError
from graph.integrations import manual_current
from graph.planning import key_results, objectives
from graph.planning.key_results import KeyResultFields
from resolvers.core.context import Info
from resolvers.core.enums import Direction, KeyResultKind, ObjectiveStatus, RollupMethod, Tier
from resolvers.integrations.subscriptions import publish_updates
from resolvers.planning.mutations.common import Deleted, provided
from resolvers.planning.okrs import KeyResult, Objective


@strawberry.input(description="A new objective, owned by one unit in one open cycle.")
class CreateObjectiveInput:
    title: str = strawberry.field(description="The qualitative goal, in one sentence (1-200 characters).")
    tier: Tier = strawberry.field(description="STRATEGIC (owned by the company or a business unit) or TEAM.")
    owner_id: strawberry.ID = strawberry.field(description="The unit that owns it.")
    cycle_id: strawberry.ID = strawberry.field(description="The year or quarter it is set for; must be OPEN.")
    description: str | None = strawberry.field(
        default=None, description="More about the goal (up to 4000 characters)."
    )
    status: ObjectiveStatus = strawberry.field(
        default=ObjectiveStatus.DRAFT, description="Where it starts; default DRAFT."
    )
    confidence: int | None = strawberry.field(default=None, description="0 (none) to 10 (certain).")
    rollup: RollupMethod = strawberry.field(
        default=RollupMethod.MEAN, description="How contributions to it roll up; default MEAN."
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(description="Changes to an objective: only the fields sent change.")
class UpdateObjectiveInput:
    title: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new title; omit to keep it."
    )
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description="New text; null clears it, omit to keep it."
    )
    status: ObjectiveStatus | None = strawberry.field(
        default=strawberry.UNSET, description="A new status (ARCHIVED archives it); not null."
    )
    confidence: int | None = strawberry.field(
        default=strawberry.UNSET, description="0 (none) to 10 (certain); null clears it."
    )
    rollup: RollupMethod | None = strawberry.field(
        default=strawberry.UNSET, description="A new roll-up method; not null."
    )


@strawberry.input(description="A new key result of an objective; METRIC and KBI need direction and target.")
class CreateKeyResultInput:
    objective_id: strawberry.ID = strawberry.field(
        description="The objective it measures (in an open cycle)."
    )
    title: str = strawberry.field(description="The result in words (1-200 characters).")
    kind: KeyResultKind = strawberry.field(description="METRIC, MILESTONE or KBI.")
    direction: Direction | None = strawberry.field(
        default=None, description="Which way current should move; required for METRIC and KBI."
    )
    unit: str | None = strawberry.field(
        default=None, description='What the numbers count, e.g. "%" (up to 40 characters).'
    )
    baseline: float | None = strawberry.field(
        default=None, description="Where the metric stands now; without one, health reports KPI_IN_DISGUISE."
    )
    target: float | None = strawberry.field(
        default=None,
        description="Where it should get to, on the side direction says; required for METRIC and KBI.",
    )
    current: float | None = strawberry.field(default=None, description="Its value now, if known.")
    done: bool = strawberry.field(default=False, description="Whether a MILESTONE is reached already.")
    weight: float = strawberry.field(
        default=1.0, description="Its share of the objective's progress, above 0; default 1."
    )
    external_key: str | None = strawberry.field(
        default=None, description="The key integrations push values under (1-200 characters, no spaces)."
    )
    id: strawberry.ID | None = strawberry.field(
        default=None, description="Optional; a UUID is made when omitted."
    )


@strawberry.input(
    description="Changes to a key result: only the fields sent change; the result must pass every rule."
)
class UpdateKeyResultInput:
    title: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new title; omit to keep it."
    )
    direction: Direction | None = strawberry.field(
        default=strawberry.UNSET, description="A new direction; omit to keep it."
    )
    unit: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new unit; null clears it, omit to keep it."
    )
    baseline: float | None = strawberry.field(
        default=strawberry.UNSET, description="A new baseline; null clears it, omit to keep it."
    )
    target: float | None = strawberry.field(
        default=strawberry.UNSET, description="A new target; omit to keep it."
    )
    current: float | None = strawberry.field(
        default=strawberry.UNSET,
        description=(
            'Recorded as a measurement observed now, with source "manual:<token name>"; current is then the '
            "latest observed value of the history, as for pushed values. Must not be null."
        ),
    )
    done: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether a MILESTONE is reached; not null."
    )
    weight: float | None = strawberry.field(
        default=strawberry.UNSET, description="A new weight, above 0; not null."
    )
    external_key: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new key for integrations; null clears it, omit to keep it."
    )


def _not_null(changes: dict[str, Any], *fields: str) -> dict[str, Any]:
    for field in fields:
        if field in changes and changes[field] is None:
            raise ValidationError(f"{field} must not be null", field=field, value=None)
    return changes


@strawberry.type
class OkrMutations:
    @strawberry.mutation(
        description="Create an objective; a STRATEGIC one belongs to the company or a business unit."
    )
    async def create_objective(
        self,
        info: Info,
        input: Annotated[CreateObjectiveInput, strawberry.argument(description="The new objective.")],
    ) -> Objective:
        created = await objectives.create_objective(
            info.context.db,
            id=input.id,
            title=input.title,
            description=input.description,
            tier=input.tier,
            status=input.status,
            owner_id=input.owner_id,
            cycle_id=input.cycle_id,
            confidence=input.confidence,
            rollup=input.rollup,
        )
        return Objective.of(created)

    @strawberry.mutation(description="Change an objective; set status ARCHIVED to archive it.")
    async def update_objective(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The objective to change.")],
        input: Annotated[
            UpdateObjectiveInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> Objective:
        changes = _not_null(
            provided(
                {
                    "title": input.title,
                    "description": input.description,
                    "status": input.status,
                    "confidence": input.confidence,
                    "rollup": input.rollup,
                }
            ),
            "status",
            "rollup",
        )
        return Objective.of(await objectives.update_objective(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Archive an objective: it stays in the graph with status ARCHIVED.")
    async def archive_objective(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The objective to archive.")],
    ) -> Objective:
        changes = {"status": ObjectiveStatus.ARCHIVED}
        return Objective.of(await objectives.update_objective(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete an objective with its key results and all their edges.")
    async def delete_objective(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The objective to delete.")],
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await objectives.delete_objective(info.context.db, id=id)))

    @strawberry.mutation(
        description="Add a key result to an objective; an initial current is recorded as its first measurement."
    )
    async def create_key_result(
        self,
        info: Info,
        input: Annotated[CreateKeyResultInput, strawberry.argument(description="The new key result.")],
    ) -> KeyResult:
        fields = KeyResultFields(
            title=input.title,
            kind=input.kind,
            direction=input.direction,
            unit=input.unit,
            baseline=input.baseline,
            target=input.target,
            current=input.current,
            done=input.done,
            weight=input.weight,
            external_key=input.external_key,
        )
        principal = info.context.principal
        source = manual_current.manual_source(principal.name if principal is not None else None)
        created = await manual_current.create_key_result(
            info.context.db, id=input.id, objective_id=input.objective_id, fields=fields, source=source
        )
        return KeyResult.of(created)

    @strawberry.mutation(
        description="Change a key result; a new current is recorded as a measurement. Fires keyResultUpdated "
        "(EDIT)."
    )
    async def update_key_result(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The key result to change.")],
        input: Annotated[
            UpdateKeyResultInput, strawberry.argument(description="The fields to change; omitted ones stay.")
        ],
    ) -> KeyResult:
        changes = provided(
            {
                "title": input.title,
                "direction": input.direction,
                "unit": input.unit,
                "baseline": input.baseline,
                "target": input.target,
                "current": input.current,
                "done": input.done,
                "weight": input.weight,
                "external_key": input.external_key,
            }
        )
        _not_null(changes, "done", "weight")
        principal = info.context.principal
        source = manual_current.manual_source(principal.name if principal is not None else None)
        updated = await manual_current.update_key_result(
            info.context.db, id=id, changes=changes, source=source
        )
        publish_updates(info)  # committed, with its change recorded: tell subscribers
        return KeyResult.of(updated)

    @strawberry.mutation(description="Delete a key result with its measurements and edges.")
    async def delete_key_result(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The key result to delete.")],
    ) -> Deleted:
        return Deleted(id=strawberry.ID(await key_results.delete_key_result(info.context.db, id=id)))
