"""pushKeyResultValues: integrations push key-result values, one at a time or 10,000 per call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import strawberry
from strawberry.types.base import get_object_definition

from graph.integrations import measurements
from graph.integrations.events import UpdateCause
from graph.integrations.push_checks import ItemResult, PushedValue, PushReason, PushStatus
from resolvers.core.context import Info
from resolvers.integrations.subscriptions import publish_updates

strawberry.enum(PushStatus, description="What happened to one pushed value.")
strawberry.enum(PushReason, description="Why a value was rejected, or why it is a duplicate.")


@strawberry.input(
    description="One value of a key result, named by exactly one of keyResultId or externalKey."
)
class KeyResultValueInput:
    value: float
    observed_at: dt.datetime = strawberry.field(
        description="When the value was true, with a time zone; at most 5 minutes in the future."
    )
    source: str = strawberry.field(
        description="Who measured it: a person or an integration (1-100 characters)."
    )
    key_result_id: strawberry.ID | None = None
    external_key: str | None = strawberry.field(
        default=None,
        description="The key an integration set on the key result, e.g. amplitude:onboarding_completion.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Sent again, the value is a DUPLICATE and writes nothing (1-200 characters).",
    )


def _value_from_input(cls: type[KeyResultValueInput], value: Mapping[str, Any], context: object) -> Any:
    """Build one value straight from graphql-core's coerced input (scalars are parsed already).

    Strawberry's generic conversion walks every field of every item: ~370 ms of a 10,000-value push.
    `from_input` is the hook Strawberry documents for integrations that build their own inputs.
    """
    return cls(
        value=value["value"],
        observed_at=value["observedAt"],
        source=value["source"],
        key_result_id=value.get("keyResultId"),
        external_key=value.get("externalKey"),
        idempotency_key=value.get("idempotencyKey"),
    )


get_object_definition(KeyResultValueInput, strict=True).from_input = _value_from_input


@strawberry.type(description="What happened to one pushed value.")
class PushItemResult:
    index: int = strawberry.field(description="Its position in `values`.")
    status: PushStatus
    reason: PushReason | None
    message: str | None
    key_result_id: strawberry.ID | None
    measurement_id: strawberry.ID | None = strawberry.field(
        description="The measurement written, or for a DUPLICATE the one stored before."
    )


@strawberry.type(description="The outcome of a push: counts, and one result per value in input order.")
class PushResult:
    accepted: int
    duplicates: int
    rejected: int
    items: list[PushItemResult]


def _item(result: ItemResult) -> PushItemResult:
    return PushItemResult(
        index=result.index,
        status=result.status,
        reason=result.reason,
        message=result.message,
        key_result_id=strawberry.ID(result.key_result_id) if result.key_result_id else None,
        measurement_id=strawberry.ID(result.measurement_id) if result.measurement_id else None,
    )


@strawberry.type
class MeasurementMutations:
    @strawberry.mutation(
        description="Record up to 10,000 key-result values. Each is ACCEPTED, DUPLICATE or REJECTED on its own; "
        "a KR's current becomes the value with the latest observedAt."
    )
    async def push_key_result_values(self, info: Info, values: list[KeyResultValueInput]) -> PushResult:
        pushed = [
            PushedValue(
                value=v.value,
                observed_at=v.observed_at,
                source=v.source,
                key_result_id=v.key_result_id,
                external_key=v.external_key,
                idempotency_key=v.idempotency_key,
            )
            for v in values
        ]
        principal = info.context.principal
        teams = principal.team_ids if principal is not None else ()
        results = await measurements.push_values(info.context.db, pushed, allowed_team_ids=teams)
        # push_values has committed: one keyResultUpdated per KR that accepted a value.
        await publish_updates(
            info, (r.key_result_id for r in results if r.status is PushStatus.ACCEPTED), UpdateCause.PUSH
        )
        statuses = [r.status for r in results]
        return PushResult(
            accepted=statuses.count(PushStatus.ACCEPTED),
            duplicates=statuses.count(PushStatus.DUPLICATE),
            rejected=statuses.count(PushStatus.REJECTED),
            items=[_item(r) for r in results],
        )
