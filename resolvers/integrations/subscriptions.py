"""keyResultUpdated: live key-result updates over graphql-transport-ws, and the hook mutations publish through."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Annotated

import strawberry
from strawberry.types.graphql import OperationType

from graph.core.db import Database
from graph.core.errors import not_found
from graph.integrations.events import (
    QUEUE_SIZE,
    KeyResultUpdate,
    UpdateCause,
    UpdateFilter,
)
from graph.planning import key_results, objectives, teams
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.integrations.auth import check_access

describe_enum(
    UpdateCause,
    "What changed a key result: PUSH (pushKeyResultValues) or EDIT (updateKeyResult).",
    {
        "PUSH": "New values arrived: pushKeyResultValues, or a check-in's key-result values.",
        "EDIT": "updateKeyResult changed the key result.",
    },
)


@strawberry.type(description="A key result's committed state after a push or an edit.")
class KeyResultUpdated:
    key_result_id: strawberry.ID = strawberry.field(description="The key result that changed.")
    objective_id: strawberry.ID = strawberry.field(description="Its objective.")
    team_id: strawberry.ID = strawberry.field(description="The team that owns the key result's objective.")
    current: float | None = strawberry.field(description="Its value now, as `KeyResult.current`.")
    progress: float | None = strawberry.field(description="0 to 1, as `KeyResult.progress`.")
    last_observed_at: dt.datetime | None = strawberry.field(
        description="When the value `current` comes from was observed; null before any push."
    )
    cause: UpdateCause = strawberry.field(description="A push or an edit.")
    missed: int = strawberry.field(
        description="Updates this subscription missed just before this one because it read too slowly (the "
        f"server keeps its newest {QUEUE_SIZE} and drops the oldest). Refetch what you show when it is above 0."
    )

    @classmethod
    def of(cls, update: KeyResultUpdate, missed: int) -> KeyResultUpdated:
        return cls(
            key_result_id=strawberry.ID(update.key_result_id),
            objective_id=strawberry.ID(update.objective_id),
            team_id=strawberry.ID(update.team_id),
            current=update.current,
            progress=update.progress,
            last_observed_at=update.last_observed_at,
            cause=update.cause,
            missed=missed,
        )


def publish_updates(info: Info) -> None:
    """Mutations call this once their write, which recorded the change, has committed: this process's
    subscribers hear of it at once, the other processes' at their next poll of the change feed."""
    info.context.events.wake()


Fetch = Callable[[Database, list[str]], Awaitable[Sequence[object | None]]]


async def _check_filters(info: Info, wanted: UpdateFilter) -> None:
    """A filter naming nothing would never fire: refuse it as NOT_FOUND instead."""
    checks: tuple[tuple[str, str, str | None, Fetch], ...] = (
        ("key result", "keyResultId", wanted.key_result_id, key_results.get_key_results),
        ("objective", "objectiveId", wanted.objective_id, objectives.get_objectives),
        ("team", "teamId", wanted.team_id, teams.get_teams),
    )
    for kind, field, wanted_id, fetch in checks:
        if wanted_id is not None and (await fetch(info.context.db, [wanted_id]))[0] is None:
            raise not_found(kind, field, wanted_id)


@strawberry.type
class KeyResultSubscriptions:
    @strawberry.subscription(
        description="Fires once a push (pushKeyResultValues) or an edit (updateKeyResult) of a key result has "
        "committed: one update per changed key result per call. Filters combine (all must match); teamId "
        "also covers the teams beneath a business unit or the company."
    )
    async def key_result_updated(
        self,
        info: Info,
        key_result_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only updates of this key result; null: any."),
        ] = None,
        objective_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only updates of this objective's key results; null: any."),
        ] = None,
        team_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only key results owned by this unit or a unit beneath it; null: any."
            ),
        ] = None,
    ) -> AsyncGenerator[KeyResultUpdated, None]:
        ctx = info.context
        # The same rule as queries over HTTP: a subscription reads.
        check_access(
            ctx.principal,
            ctx.auth_problem,
            OperationType.SUBSCRIPTION,
            ["keyResultUpdated"],
            public_reads=ctx.public_reads,
        )
        wanted = UpdateFilter(
            key_result_id=key_result_id,
            objective_id=objective_id,
            team_id=team_id,
            organisation_id=ctx.organisation_id,
        )
        await _check_filters(info, wanted)
        async with ctx.events.subscribe(wanted) as subscriber:
            while True:
                update, missed = await subscriber.next()
                yield KeyResultUpdated.of(update, missed)
