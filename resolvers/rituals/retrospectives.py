"""recordRetrospective, objective.retrospectives and team.retrospectives(cycleId)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.rituals import retrospectives
from graph.rituals.retrospectives import RetrospectiveInput, RetrospectiveKind
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.errors import present
from resolvers.core.node import Node
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import KeyResult, Objective
from resolvers.planning.units import Cycle, Team
from resolvers.rituals.loaders import ritual_loaders

describe_enum(
    RetrospectiveKind,
    "MID_CYCLE, or END (which records each key result's final score).",
    {
        "MID_CYCLE": "A reflection during the cycle, to change course.",
        "END": "The reflection at the end of the cycle; records each key result's final score, once per cycle.",
    },
)


@strawberry.type(description="A key result's final score, recorded by an END retrospective.")
class KeyResultScore:
    score: float | None = strawberry.field(
        description="The key result's progress (0..1) when the retrospective was recorded; null if it had none."
    )
    value: float | None = strawberry.field(description="Its current value then (null for milestones).")
    key_result_id: strawberry.Private[str]

    @strawberry.field(description="The key result scored.")
    async def key_result(self, info: Info) -> KeyResult:
        return KeyResult.of(present(await planning_loaders(info).key_result_by_id.load(self.key_result_id)))


@strawberry.type(description="A mid-cycle or end-of-cycle reflection of one objective or one team.")
class Retrospective(Node):
    id: strawberry.ID = strawberry.field(description="The retrospective's id (a UUID).")
    kind: RetrospectiveKind = strawberry.field(description="MID_CYCLE or END.")
    attractors: list[str] = strawberry.field(description="What pulled us towards the OKR.")
    detractors: list[str] = strawberry.field(description="What pushed us away from it.")
    learnings: list[str] = strawberry.field(description="What we learned.")
    surprises: list[str] = strawberry.field(description="What surprised us.")
    changes: list[str] = strawberry.field(description="What we will do differently.")
    author: str = strawberry.field(description="Who recorded it.")
    created_at: dt.datetime = strawberry.field(description="When it was recorded.")
    idempotency_key: str | None = strawberry.field(
        description="The key it was recorded with; null when none."
    )
    scores: list[KeyResultScore] = strawberry.field(
        description="END only: each key result's final score, by key-result id."
    )
    cycle_id: strawberry.Private[str]
    objective_id: strawberry.Private[str | None]
    team_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, m: retrospectives.Retrospective) -> Retrospective:
        return cls(
            id=strawberry.ID(m.id),
            kind=m.kind,
            attractors=m.attractors,
            detractors=m.detractors,
            learnings=m.learnings,
            surprises=m.surprises,
            changes=m.changes,
            author=m.author,
            created_at=m.created_at,
            idempotency_key=m.idempotency_key,
            scores=[
                KeyResultScore(score=s.score, value=s.value, key_result_id=s.key_result_id) for s in m.scores
            ],
            cycle_id=m.cycle_id,
            objective_id=m.objective_id,
            team_id=m.team_id,
        )

    @strawberry.field(description="The cycle it reflects on.")
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await planning_loaders(info).cycle_by_id.load(self.cycle_id)))

    @strawberry.field(description="The objective it reflects on; null for a team's retrospective.")
    async def objective(self, info: Info) -> Objective | None:
        if self.objective_id is None:
            return None
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.objective_id)))

    @strawberry.field(description="The team it reflects on; null for an objective's retrospective.")
    async def team(self, info: Info) -> Team | None:
        if self.team_id is None:
            return None
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.team_id)))


@strawberry.input(description="A retrospective of exactly one of an objective or a team, in a cycle.")
class RecordRetrospectiveInput:
    kind: RetrospectiveKind = strawberry.field(description="MID_CYCLE, or END (one per cycle).")
    author: str = strawberry.field(description="Who records it (1-200 characters).")
    objective_id: strawberry.ID | None = strawberry.field(
        default=None, description="The objective it reflects on; or give teamId instead."
    )
    team_id: strawberry.ID | None = strawberry.field(
        default=None, description="The team it reflects on (with cycleId); or give objectiveId instead."
    )
    cycle_id: strawberry.ID | None = strawberry.field(
        default=None, description="Required for a team; for an objective, its own cycle (the default)."
    )
    attractors: list[str] = strawberry.field(
        default_factory=list,
        description="What pulled us towards the OKR (each list: up to 30, 1-1000 characters each).",
    )
    detractors: list[str] = strawberry.field(default_factory=list, description="What pushed us away from it.")
    learnings: list[str] = strawberry.field(default_factory=list, description="What we learned.")
    surprises: list[str] = strawberry.field(default_factory=list, description="What surprised us.")
    changes: list[str] = strawberry.field(
        default_factory=list,
        description="What we will do differently; at least one of the five lists is needed.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None, description="Sent again, the same retrospective comes back and nothing is written."
    )


async def of_objective(info: Info, objective_id: str) -> list[Retrospective]:
    found = await ritual_loaders(info).objective_retrospectives.load(objective_id)
    return [Retrospective.of(r) for r in found]


async def of_team(info: Info, team_id: str, cycle_id: str | None) -> list[Retrospective]:
    found = await ritual_loaders(info).team_retrospectives.load((team_id, cycle_id))
    return [Retrospective.of(r) for r in found]


@strawberry.type
class RetrospectiveMutations:
    @strawberry.mutation(
        description="Record a MID_CYCLE or END retrospective of an objective or a team. END records each key "
        "result's final score (for a team: every KR of its objectives in the cycle); one END per cycle."
    )
    async def record_retrospective(
        self,
        info: Info,
        input: Annotated[RecordRetrospectiveInput, strawberry.argument(description="The retrospective.")],
    ) -> Retrospective:
        given = RetrospectiveInput(
            kind=input.kind,
            author=input.author,
            objective_id=input.objective_id,
            team_id=input.team_id,
            cycle_id=input.cycle_id,
            attractors=tuple(input.attractors),
            detractors=tuple(input.detractors),
            learnings=tuple(input.learnings),
            surprises=tuple(input.surprises),
            changes=tuple(input.changes),
            idempotency_key=input.idempotency_key,
        )
        return Retrospective.of(await retrospectives.record_retrospective(info.context.db, given))
