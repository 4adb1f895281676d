"""pushKeyResultValues: integrations push key-result values, one at a time or 10,000 per call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import strawberry
from strawberry.types.base import get_object_definition

from graph.integrations import measurements
from graph.integrations.push_checks import ItemResult, PushedValue, PushReason, PushStatus
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.text import checks_own_text
from resolvers.integrations.subscriptions import publish_updates

describe_enum(
    PushStatus,
    "What happened to one pushed value.",
    {
        "ACCEPTED": "Stored as a new measurement.",
        "DUPLICATE": "Its idempotencyKey was pushed before: nothing was written.",
        "REJECTED": "Not stored; reason and message say why.",
    },
)
describe_enum(
    PushReason,
    "Why a value was rejected, or why it is a duplicate.",
    {
        "KEY_RESULT_MISSING": "Neither keyResultId nor externalKey was given.",
        "KEY_RESULT_AMBIGUOUS": "Both keyResultId and externalKey were given.",
        "NON_FINITE_VALUE": "The value is NaN or infinite.",
        "VALUE_OUT_OF_RANGE": "The value is beyond -1e15 to 1e15, the range of every key-result number.",
        "OBSERVED_AT_WITHOUT_TIMEZONE": "observedAt has no time zone.",
        "OBSERVED_IN_FUTURE": "observedAt is more than 5 minutes after the server's clock.",
        "OBSERVED_AT_OUT_OF_RANGE": "observedAt is out of range once converted to UTC "
        "(e.g. 0001-01-01T00:00:00+01:00).",
        "INVALID_TEXT": "keyResultId, externalKey, source or idempotencyKey holds a lone UTF-16 surrogate "
        "(e.g. a JSON \\ud800 escape), which is not Unicode text.",
        "INVALID_SOURCE": "source is empty or longer than 100 characters.",
        "INVALID_IDEMPOTENCY_KEY": "idempotencyKey is empty or longer than 200 characters.",
        "UNKNOWN_KEY_RESULT": "No key result has this keyResultId or externalKey.",
        "ARCHIVED_KEY_RESULT": "The key result's objective is archived.",
        "CYCLE_CLOSED": "The key result's objective is in a closed cycle (closeCycle froze it).",
        "FORBIDDEN": "The token may push only to its own teams' key results.",
        "DUPLICATE_IDEMPOTENCY_KEY": "With status DUPLICATE: this idempotencyKey was pushed before.",
        "IDEMPOTENCY_KEY_REUSED": "This idempotencyKey was used for another key result (keys are global).",
    },
)


@strawberry.input(
    description="One value of a key result, named by exactly one of keyResultId or externalKey."
)
class KeyResultValueInput:
    value: float = strawberry.field(description="The value, in the key result's unit; from -1e15 to 1e15.")
    observed_at: dt.datetime = strawberry.field(
        description="When the value was true, with a time zone; at most 5 minutes in the future."
    )
    source: str = strawberry.field(
        description="Who measured it: a person or an integration (1-100 characters)."
    )
    key_result_id: strawberry.ID | None = strawberry.field(
        default=None, description="The key result's id; or give externalKey instead."
    )
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
# Bad text in one value REJECTS that value (INVALID_TEXT), not the whole push.
checks_own_text("KeyResultValueInput")


@strawberry.type(description="What happened to one pushed value.")
class PushItemResult:
    index: int = strawberry.field(description="Its position in `values`.")
    status: PushStatus = strawberry.field(description="ACCEPTED, DUPLICATE or REJECTED.")
    reason: PushReason | None = strawberry.field(
        description="Why it was rejected or is a duplicate; null when ACCEPTED."
    )
    message: str | None = strawberry.field(description="What went wrong, for people; null when ACCEPTED.")
    key_result_id: strawberry.ID | None = strawberry.field(
        description="The key result the value went to; null when none was found."
    )
    measurement_id: strawberry.ID | None = strawberry.field(
        description="The measurement written, or for a DUPLICATE the one stored before."
    )


@strawberry.type(description="The outcome of a push: counts, and one result per value in input order.")
class PushResult:
    accepted: int = strawberry.field(description="How many values were stored.")
    duplicates: int = strawberry.field(description="How many were pushed before (same idempotencyKey).")
    rejected: int = strawberry.field(description="How many were refused.")
    items: list[PushItemResult] = strawberry.field(
        description="One result per value, in the order of `values`."
    )


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
    async def push_key_result_values(
        self,
        info: Info,
        values: Annotated[
            list[KeyResultValueInput],
            strawberry.argument(description="The values, 1 to 10,000; a bad one never sinks the others."),
        ],
    ) -> PushResult:
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
        publish_updates(info)
        statuses = [r.status for r in results]
        return PushResult(
            accepted=statuses.count(PushStatus.ACCEPTED),
            duplicates=statuses.count(PushStatus.DUPLICATE),
            rejected=statuses.count(PushStatus.REJECTED),
            items=[_item(r) for r in results],
        )
