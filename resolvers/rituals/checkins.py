"""recordCheckIn and an objective's check-ins, latest confidence and confidence trend (GRIP)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.rituals import checkins, confidence
from graph.rituals.confidence import TrendDirection
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.errors import present
from resolvers.core.node import Node
from resolvers.core.pagination import Connection, check_first, connection, decode_keyset_cursor, keyset_cursor
from resolvers.integrations.subscriptions import publish_updates
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import KeyResult, Objective
from resolvers.rituals.loaders import ritual_loaders

describe_enum(
    TrendDirection,
    "Where confidence is heading over the cycle: the latest check-in's confidence minus the first's, "
    "RISING at +2 or more, FALLING at -2 or less, else STEADY (also with fewer than two check-ins).",
    {
        "RISING": "Up by 2 or more since its first check-in.",
        "FALLING": "Down by 2 or more since its first check-in.",
        "STEADY": "Within 1 of the first check-in, or fewer than two check-ins.",
    },
)


@strawberry.type(description="A key-result value a check-in recorded (a measurement with source check-in).")
class CheckInValue:
    value: float = strawberry.field(description="The value, in the key result's unit.")
    observed_at: dt.datetime = strawberry.field(description="When the value was true.")
    measurement_id: strawberry.ID = strawberry.field(description="The measurement it was stored as.")
    key_result_id: strawberry.Private[str]

    @strawberry.field(description="The key result the value is for.")
    async def key_result(self, info: Info) -> KeyResult:
        return KeyResult.of(present(await planning_loaders(info).key_result_by_id.load(self.key_result_id)))


@strawberry.type(
    description="A weekly GRIP check-in: Goal confidence, Results progress, Issues, Plan forward."
)
class CheckIn(Node):
    id: strawberry.ID = strawberry.field(description="The check-in's id (a UUID).")
    confidence: int = strawberry.field(description="0 (no chance) to 10 (certain) of reaching the objective.")
    values: list[CheckInValue] = strawberry.field(description="The key-result values it recorded.")
    issues: list[str] = strawberry.field(description="What is in the way.")
    plan: str = strawberry.field(description="What the team does next.")
    author: str = strawberry.field(description="Who recorded it.")
    created_at: dt.datetime = strawberry.field(description="When it was recorded.")
    idempotency_key: str | None = strawberry.field(
        description="The key it was recorded with; null when none."
    )
    objective_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: checkins.CheckIn) -> CheckIn:
        return cls(
            id=strawberry.ID(m.id),
            confidence=m.confidence,
            values=[
                CheckInValue(
                    value=v.value,
                    observed_at=v.observed_at,
                    measurement_id=strawberry.ID(v.measurement_id),
                    key_result_id=v.key_result_id,
                )
                for v in m.values
            ],
            issues=m.issues,
            plan=m.plan,
            author=m.author,
            created_at=m.created_at,
            idempotency_key=m.idempotency_key,
            objective_id=m.objective_id,
        )

    @strawberry.field(description="The objective checked in on.")
    async def objective(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.objective_id)))


@strawberry.type(description="The confidence of one check-in.")
class ConfidencePoint:
    at: dt.datetime = strawberry.field(description="When the check-in was recorded.")
    confidence: int = strawberry.field(description="0 (no chance) to 10 (certain).")
    check_in_id: strawberry.ID = strawberry.field(description="The check-in.")


@strawberry.type(description="Confidence over the objective's cycle, one point per check-in, oldest first.")
class ConfidenceTrend:
    direction: TrendDirection = strawberry.field(description="RISING, FALLING or STEADY.")
    change: int | None = strawberry.field(
        description="The latest check-in's confidence minus the first's; null with fewer than two check-ins."
    )
    points: list[ConfidencePoint] = strawberry.field(description="One per check-in, oldest first.")


@strawberry.input(description="A new value for one of the objective's key results.")
class CheckInValueInput:
    key_result_id: strawberry.ID = strawberry.field(
        description="One of the objective's key results, at most once."
    )
    value: float = strawberry.field(description="Its value now, in its unit; from -1e15 to 1e15.")
    observed_at: dt.datetime | None = strawberry.field(
        default=None, description="When the value was true, with a time zone; default now."
    )


@strawberry.input(description="A GRIP check-in of one objective.")
class RecordCheckInInput:
    objective_id: strawberry.ID = strawberry.field(
        description="The objective checked in on; not archived, in an open cycle."
    )
    confidence: int = strawberry.field(description="0 (no chance) to 10 (certain).")
    plan: str = strawberry.field(description="The plan forward.")
    author: str = strawberry.field(description="Who records it (1-200 characters).")
    values: list[CheckInValueInput] = strawberry.field(
        default_factory=list, description="Results progress: new values of its key results (up to 50)."
    )
    issues: list[str] = strawberry.field(
        default_factory=list, description="What is in the way (up to 20, each 1-1000 characters)."
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Sent again, the same check-in comes back and nothing is written."
    )


async def check_ins(info: Info, objective_id: str, *, first: int, after: str | None) -> Connection[CheckIn]:
    """One page of an objective's check-ins, batched with the other objectives of the request."""
    size = check_first(first, info.context.settings.max_page_size)
    loaders = ritual_loaders(info)
    cursor = decode_keyset_cursor(after, of="an objective's check-ins")
    page = await loaders.check_in_pages.load((objective_id, size, cursor))

    async def count() -> int:
        return await loaders.check_in_count.load(objective_id)

    return connection(page, CheckIn.of, count, cursor=lambda m: keyset_cursor(m.created_at, m.id))


async def confidence_trend(info: Info, objective_id: str) -> ConfidenceTrend:
    found = confidence.trend(await ritual_loaders(info).confidence_points.load(objective_id))
    return ConfidenceTrend(
        direction=found.direction,
        change=found.change,
        points=[
            ConfidencePoint(at=p.at, confidence=p.confidence, check_in_id=strawberry.ID(p.check_in_id))
            for p in found.points
        ],
    )


async def last_check_in_at(info: Info, objective_id: str) -> dt.datetime | None:
    points = await ritual_loaders(info).confidence_points.load(objective_id)
    return points[-1].at if points else None


@strawberry.type
class CheckInMutations:
    @strawberry.mutation(
        description="Record a GRIP check-in: its confidence becomes the objective's, its KR values become "
        "measurements (source check-in). CONFLICT for an archived objective or a closed cycle."
    )
    async def record_check_in(
        self,
        info: Info,
        input: Annotated[RecordCheckInInput, strawberry.argument(description="The check-in.")],
    ) -> CheckIn:
        recorded = await checkins.record_check_in(
            info.context.db,
            objective_id=input.objective_id,
            confidence=input.confidence,
            values=[
                checkins.ValueInput(key_result_id=v.key_result_id, value=v.value, observed_at=v.observed_at)
                for v in input.values
            ],
            issues=input.issues,
            plan=input.plan,
            author=input.author,
            idempotency_key=input.idempotency_key,
        )
        # record_check_in has committed: its values moved these KRs through the push path.
        publish_updates(info)
        return CheckIn.of(recorded)
