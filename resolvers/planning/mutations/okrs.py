"""Mutations on objectives and key results."""

from __future__ import annotations

from typing import Any

import strawberry

from graph.core.errors import ValidationError
from graph.integrations import manual_current
from graph.integrations.events import UpdateCause
from graph.planning import key_results, objectives
from graph.planning.key_results import KeyResultFields
from resolvers.core.context import Info
from resolvers.core.enums import Direction, KeyResultKind, ObjectiveStatus, RollupMethod, Tier
from resolvers.integrations.subscriptions import publish_updates
from resolvers.planning.mutations.common import Deleted, provided
from resolvers.planning.okrs import KeyResult, Objective


@strawberry.input
class CreateObjectiveInput:
    title: str
    tier: Tier
    owner_id: strawberry.ID
    cycle_id: strawberry.ID
    description: str | None = None
    status: ObjectiveStatus = ObjectiveStatus.DRAFT
    confidence: int | None = strawberry.field(default=None, description="0 (none) to 10 (certain).")
    rollup: RollupMethod = RollupMethod.MEAN
    id: strawberry.ID | None = None


@strawberry.input
class UpdateObjectiveInput:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    status: ObjectiveStatus | None = strawberry.UNSET
    confidence: int | None = strawberry.UNSET
    rollup: RollupMethod | None = strawberry.UNSET


@strawberry.input
class CreateKeyResultInput:
    objective_id: strawberry.ID
    title: str
    kind: KeyResultKind
    direction: Direction | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    done: bool = False
    weight: float = 1.0
    external_key: str | None = strawberry.field(
        default=None, description="The key integrations push values under (1-200 characters, no spaces)."
    )
    id: strawberry.ID | None = None


@strawberry.input
class UpdateKeyResultInput:
    title: str | None = strawberry.UNSET
    direction: Direction | None = strawberry.UNSET
    unit: str | None = strawberry.UNSET
    baseline: float | None = strawberry.UNSET
    target: float | None = strawberry.UNSET
    current: float | None = strawberry.field(
        default=strawberry.UNSET,
        description=(
            'Recorded as a measurement observed now, with source "manual:<token name>"; current is then the '
            "latest observed value of the history, as for pushed values. Must not be null."
        ),
    )
    done: bool | None = strawberry.UNSET
    weight: float | None = strawberry.UNSET
    external_key: str | None = strawberry.UNSET


def _not_null(changes: dict[str, Any], *fields: str) -> dict[str, Any]:
    for field in fields:
        if field in changes and changes[field] is None:
            raise ValidationError(f"{field} must not be null", field=field, value=None)
    return changes


@strawberry.type
class OkrMutations:
    @strawberry.mutation
    async def create_objective(self, info: Info, input: CreateObjectiveInput) -> Objective:
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
    async def update_objective(self, info: Info, id: strawberry.ID, input: UpdateObjectiveInput) -> Objective:
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
    async def archive_objective(self, info: Info, id: strawberry.ID) -> Objective:
        changes = {"status": ObjectiveStatus.ARCHIVED}
        return Objective.of(await objectives.update_objective(info.context.db, id=id, changes=changes))

    @strawberry.mutation(description="Delete an objective with its key results and all their edges.")
    async def delete_objective(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await objectives.delete_objective(info.context.db, id=id)))

    @strawberry.mutation
    async def create_key_result(self, info: Info, input: CreateKeyResultInput) -> KeyResult:
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
        created = await key_results.create_key_result(
            info.context.db, id=input.id, objective_id=input.objective_id, fields=fields
        )
        return KeyResult.of(created)

    @strawberry.mutation
    async def update_key_result(
        self, info: Info, id: strawberry.ID, input: UpdateKeyResultInput
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
        await publish_updates(info, [updated.id], UpdateCause.EDIT)  # committed: tell subscribers
        return KeyResult.of(updated)

    @strawberry.mutation
    async def delete_key_result(self, info: Info, id: strawberry.ID) -> Deleted:
        return Deleted(id=strawberry.ID(await key_results.delete_key_result(info.context.db, id=id)))
