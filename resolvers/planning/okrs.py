"""GraphQL types of OKRs: objectives, key results, initiatives and the edges between them.

Nested fields load through the request's DataLoaders. An objective's check-ins, confidence, retrospectives and
carry-over are rituals' fields (resolvers/rituals/, which imports this module): they are named with
strawberry.lazy and resolved through `later` (resolvers/core/lazy.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from graph.core import models
from graph.core.progress import key_result_progress, objective_progress
from resolvers.core.context import Info
from resolvers.core.enums import (
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveStatus,
    RollupMethod,
    Tier,
)
from resolvers.core.errors import present
from resolvers.core.lazy import later
from resolvers.core.node import Node
from resolvers.core.pagination import After, Connection, First, check_first
from resolvers.integrations.history import Measurement, history_connection, history_loaders
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.units import Cycle, Priority, Team

if TYPE_CHECKING:
    from resolvers.rituals.checkins import CheckIn, ConfidenceTrend
    from resolvers.rituals.retrospectives import Retrospective

CHECKINS = "resolvers.rituals.checkins"
RETROSPECTIVES = "resolvers.rituals.retrospectives"
CYCLE_CLOSE = "resolvers.rituals.cycle_close"


@strawberry.type(description="A qualitative goal owned by one team in one cycle.")
class Objective(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    title: str = strawberry.field(description="The qualitative goal, in one sentence.")
    description: str | None = strawberry.field(description="More about the goal; null when not written.")
    tier: Tier = strawberry.field(description="STRATEGIC (company or business unit) or TEAM (tactical).")
    status: ObjectiveStatus = strawberry.field(
        description="Where it stands: DRAFT, ACTIVE, COMPLETED or ARCHIVED."
    )
    confidence: int | None = strawberry.field(
        description="The owners' latest confidence of reaching it, 0 (none) to 10 (certain)."
    )
    rollup: RollupMethod = strawberry.field(description="How contributions to it roll up.")
    owner_id: strawberry.Private[str]
    cycle_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.Objective) -> Objective:
        return cls(
            id=strawberry.ID(m.id),
            title=m.title,
            description=m.description,
            tier=m.tier,
            status=m.status,
            confidence=m.confidence,
            rollup=m.rollup,
            owner_id=m.owner_id,
            cycle_id=m.cycle_id,
        )

    @strawberry.field(description="The team, business unit or company that owns it.")
    async def owner(self, info: Info) -> Team:
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.owner_id)))

    @strawberry.field(description="The year or quarter it is set for.")
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await planning_loaders(info).cycle_by_id.load(self.cycle_id)))

    @strawberry.field(description="The measurable results that say whether it is reached.")
    async def key_results(self, info: Info) -> list[KeyResult]:
        return [KeyResult.of(k) for k in await planning_loaders(info).key_results_by_objective.load(self.id)]

    @strawberry.field(
        description="Weighted mean progress (0..1) of the key results that have one; null if none."
    )
    async def progress(self, info: Info) -> float | None:
        return objective_progress(await planning_loaders(info).key_results_by_objective.load(self.id))

    @strawberry.field(description="What this objective contributes to (vertical alignment, upward).")
    async def parents(self, info: Info) -> list[Contribution]:
        return [Contribution.of(c) for c in await planning_loaders(info).contributions_by_child.load(self.id)]

    @strawberry.field(description="The objectives that contribute to this one (downward).")
    async def children(self, info: Info) -> list[Contribution]:
        return [
            Contribution.of(c) for c in await planning_loaders(info).contributions_by_parent.load(self.id)
        ]

    @strawberry.field(description="The priorities this strategic objective supports.")
    async def supports(self, info: Info) -> list[Priority]:
        return [Priority.of(p) for p in await planning_loaders(info).priorities_by_objective.load(self.id)]

    @strawberry.field(description="What this objective needs from other teams.")
    async def depends_on(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await planning_loaders(info).dependencies_by_source.load(self.id)]

    @strawberry.field(description="Other teams' work that needs this objective.")
    async def depended_on_by(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await planning_loaders(info).dependencies_by_target.load(self.id)]

    @strawberry.field(description="Its GRIP check-ins, newest first.")
    async def check_ins(
        self, info: Info, first: First = 10, after: After = None
    ) -> Connection[Annotated[CheckIn, strawberry.lazy(CHECKINS)]]:
        found = await later(__name__, CHECKINS).check_ins(info, self.id, first=first, after=after)
        return cast("Connection[CheckIn]", found)

    @strawberry.field(
        description="Confidence over the cycle, one point per check-in, and where it is heading."
    )
    async def confidence_trend(self, info: Info) -> Annotated[ConfidenceTrend, strawberry.lazy(CHECKINS)]:
        return cast("ConfidenceTrend", await later(__name__, CHECKINS).confidence_trend(info, self.id))

    @strawberry.field(description="When its latest check-in was recorded; null before the first.")
    async def last_check_in_at(self, info: Info) -> dt.datetime | None:
        return cast("dt.datetime | None", await later(__name__, CHECKINS).last_check_in_at(info, self.id))

    @strawberry.field(description="Its retrospectives, newest first.")
    async def retrospectives(
        self, info: Info
    ) -> list[Annotated[Retrospective, strawberry.lazy(RETROSPECTIVES)]]:
        found = await later(__name__, RETROSPECTIVES).of_objective(info, self.id)
        return cast("list[Retrospective]", found)

    @strawberry.field(description="The objective this one was carried over from (carryOverObjective).")
    async def carried_over_from(self, info: Info) -> Objective | None:
        found = await later(__name__, CYCLE_CLOSE).carried_over_from(info, self.id)
        return Objective.of(found) if found else None


AS_OF = strawberry.argument(description="The day (values observed by its end, UTC).")


@strawberry.type(description="A measurable result of one objective.")
class KeyResult(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    title: str = strawberry.field(
        description='The result in words, e.g. "onboarding completion from 65% to 90%".'
    )
    kind: KeyResultKind = strawberry.field(description="METRIC, MILESTONE or KBI.")
    direction: Direction | None = strawberry.field(
        description="Which way current should move; null for a MILESTONE."
    )
    unit: str | None = strawberry.field(
        description='What baseline, target and current are counted in, e.g. "%"; null when not given.'
    )
    baseline: float | None = strawberry.field(
        description="Where the metric stood when the key result was set; null for a MILESTONE or when not given."
    )
    target: float | None = strawberry.field(
        description="Where it should get to (for STAY_* directions, the threshold to hold); null for a MILESTONE."
    )
    current: float | None = strawberry.field(
        description="Where it stands: the latest observed value in its history, or the value it was created with."
    )
    done: bool = strawberry.field(description="Whether a MILESTONE is reached.")
    weight: float = strawberry.field(description="Its share of the objective's progress.")
    progress: float | None = strawberry.field(
        description="Movement from baseline towards target, clamped to 0..1 (either direction); guard-rails are 1 "
        "while held; milestones 1 when done."
    )
    external_key: str | None = strawberry.field(description="The key integrations push values under.")
    last_observed_at: dt.datetime | None = strawberry.field(
        description="When the latest observed value in its history was measured; null before any push."
    )
    objective_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.KeyResult) -> KeyResult:
        return cls(
            id=strawberry.ID(m.id),
            title=m.title,
            kind=m.kind,
            direction=m.direction,
            unit=m.unit,
            baseline=m.baseline,
            target=m.target,
            current=m.current,
            done=m.done,
            weight=m.weight,
            progress=key_result_progress(m),
            external_key=m.external_key,
            last_observed_at=m.last_observed_at,
            objective_id=m.objective_id,
        )

    @strawberry.field(
        description="Its measurements, newest observed first, optionally observed in [from, to)."
    )
    async def history(
        self,
        info: Info,
        since: Annotated[
            dt.datetime | None,
            strawberry.argument(
                name="from", description="Only values observed at or after this; null: no bound."
            ),
        ] = None,
        until: Annotated[
            dt.datetime | None,
            strawberry.argument(name="to", description="Only values observed before this; null: no bound."),
        ] = None,
        first: First = 50,
        after: After = None,
    ) -> Connection[Measurement]:
        return await history_connection(
            history_loaders(info),
            self.id,
            since=since,
            until=until,
            first=check_first(first, info.context.settings.max_page_size),
            after=after,
        )

    @strawberry.field(
        description="Its value on a day: the latest measurement observed by then (today: current); null when none."
    )
    async def value_at(self, info: Info, as_of: Annotated[dt.date, AS_OF]) -> float | None:
        return (await history_loaders(info).on_day.load((self.id, as_of)))[0]

    @strawberry.field(
        description="Its progress on a day, from valueAt (today: progress); null for a metric not measured by then."
    )
    async def progress_at(self, info: Info, as_of: Annotated[dt.date, AS_OF]) -> float | None:
        return (await history_loaders(info).on_day.load((self.id, as_of)))[1]

    @strawberry.field(description="The objective it measures.")
    async def objective(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.objective_id)))

    @strawberry.field(description="Backlog work that advances this key result.")
    async def initiatives(self, info: Info) -> list[Initiative]:
        return [
            Initiative.of(i) for i in await planning_loaders(info).initiatives_by_key_result.load(self.id)
        ]

    @strawberry.field(description="The objectives that contribute to this key result.")
    async def contributors(self, info: Info) -> list[Contribution]:
        return [
            Contribution.of(c) for c in await planning_loaders(info).contributions_by_parent.load(self.id)
        ]

    @strawberry.field(description="What this key result needs from other teams.")
    async def depends_on(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await planning_loaders(info).dependencies_by_source.load(self.id)]

    @strawberry.field(description="Other teams' work that needs this key result.")
    async def depended_on_by(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await planning_loaders(info).dependencies_by_target.load(self.id)]


@strawberry.type(description="Backlog work (an epic, a project) that advances key results.")
class Initiative(Node):
    id: strawberry.ID = strawberry.field(description="Its id: given at creation, or a UUID.")
    title: str = strawberry.field(description="What the work is, e.g. an epic's or project's name.")
    url: str | None = strawberry.field(description="A link to it in an outside tracker; null when none.")
    status: InitiativeStatus = strawberry.field(description="Where the work stands.")

    @classmethod
    def of(cls, m: models.Initiative) -> Initiative:
        return cls(id=strawberry.ID(m.id), title=m.title, url=m.url, status=m.status)

    @strawberry.field(description="The key results it advances.")
    async def key_results(self, info: Info) -> list[KeyResult]:
        return [KeyResult.of(k) for k in await planning_loaders(info).key_results_by_initiative.load(self.id)]


AlignmentTarget = Annotated[
    Objective | KeyResult,
    strawberry.union(
        "AlignmentTarget", description="An objective or a key result: what alignment links point at."
    ),
]


async def load_target(info: Info, kind: str, id: str) -> Objective | KeyResult:
    if kind == "Objective":
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(id)))
    return KeyResult.of(present(await planning_loaders(info).key_result_by_id.load(id)))


@strawberry.type(
    description="A CONTRIBUTES_TO edge: a child objective moves a parent objective or key result."
)
class Contribution:
    weight: float = strawberry.field(
        description="How much the child counts, above 0: against its siblings' weights (MEAN), or its share (SUM)."
    )
    counts_toward_progress: bool = strawberry.field(
        description="False when the edge only shows alignment and does not count toward the parent's progress."
    )
    child_id: strawberry.Private[str]
    parent_id: strawberry.Private[str]
    parent_kind: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.Contribution) -> Contribution:
        return cls(
            weight=m.weight,
            counts_toward_progress=m.counts_toward_progress,
            child_id=m.child_id,
            parent_id=m.parent_id,
            parent_kind=m.parent_kind,
        )

    @strawberry.field(description="The objective that contributes.")
    async def child(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.child_id)))

    @strawberry.field(description="The higher objective, or key result, it contributes to.")
    async def parent(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.parent_kind, self.parent_id)


@strawberry.type(description="A DEPENDS_ON edge: `from` cannot finish without another team's `to`.")
class Dependency:
    note: str | None = strawberry.field(
        description="What is needed, in the teams' words; null when none given."
    )
    from_id: strawberry.Private[str]
    from_kind: strawberry.Private[str]
    to_id: strawberry.Private[str]
    to_kind: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.Dependency) -> Dependency:
        return cls(note=m.note, from_id=m.from_id, from_kind=m.from_kind, to_id=m.to_id, to_kind=m.to_kind)

    @strawberry.field(name="from", description="The objective or key result that waits.")
    async def source(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.from_kind, self.from_id)

    @strawberry.field(name="to", description="The other team's objective or key result it waits for.")
    async def target(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.to_kind, self.to_id)
