"""GraphQL object types. Nested fields load through the request's DataLoaders."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, TypeVar

import strawberry

from graph.core import models
from graph.core.progress import key_result_progress, objective_progress
from resolvers.core.context import Context
from resolvers.core.enums import (
    CycleKind,
    CycleStatus,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveStatus,
    RollupMethod,
    TeamKind,
    Tier,
)
from resolvers.core.pagination import Connection, check_first
from resolvers.integrations.history import Measurement, history_connection

if TYPE_CHECKING:
    from resolvers.rituals.checkins import CheckIn, ConfidenceTrend
    from resolvers.rituals.retrospectives import Retrospective

Info = strawberry.Info[Context, None]
N = TypeVar("N")


@strawberry.type(description="The whole company; holds the vision.")
class Organisation:
    id: strawberry.ID
    name: str
    vision: str | None
    objective_limit: int | None = strawberry.field(
        description="The most objectives a team should own in one cycle; null: the default "
        "(AG_HEALTH_OBJECTIVE_LIMIT, 3). `health` reports teams above it."
    )

    @classmethod
    def of(cls, m: models.Organisation) -> Organisation:
        return cls(id=strawberry.ID(m.id), name=m.name, vision=m.vision, objective_limit=m.objective_limit)


@strawberry.type(description="A unit that owns OKRs: the company, a business unit or a team.")
class Team:
    id: strawberry.ID
    name: str
    kind: TeamKind
    organisation_id: strawberry.Private[str]
    parent_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, m: models.Team) -> Team:
        return cls(
            id=strawberry.ID(m.id),
            name=m.name,
            kind=m.kind,
            organisation_id=m.organisation_id,
            parent_id=m.parent_id,
        )

    @strawberry.field
    async def organisation(self, info: Info) -> Organisation:
        return Organisation.of(
            present(await info.context.loaders.organisation_by_id.load(self.organisation_id))
        )

    @strawberry.field(description="The unit this one sits in; null for the company.")
    async def parent(self, info: Info) -> Team | None:
        if self.parent_id is None:
            return None
        return Team.of(present(await info.context.loaders.team_by_id.load(self.parent_id)))

    @strawberry.field(description="The units directly inside this one.")
    async def children(self, info: Info) -> list[Team]:
        return [Team.of(t) for t in await info.context.loaders.teams_by_parent.load(self.id)]

    @strawberry.field(description="The objectives this unit owns (not its sub-units').")
    async def objectives(self, info: Info) -> list[Objective]:
        return [Objective.of(o) for o in await info.context.loaders.objectives_by_owner.load(self.id)]

    @strawberry.field(
        description="The team's own retrospectives, newest first; with cycleId, of that cycle only."
    )
    async def retrospectives(
        self, info: Info, cycle_id: strawberry.ID | None = None
    ) -> list[Annotated[Retrospective, strawberry.lazy("resolvers.rituals.retrospectives")]]:
        from resolvers.rituals import retrospectives

        return await retrospectives.of_team(info, self.id, cycle_id)


@strawberry.type(description="A time box: a year, or a quarter within a year.")
class Cycle:
    id: strawberry.ID
    name: str
    kind: CycleKind
    start_date: dt.date
    end_date: dt.date
    status: CycleStatus = strawberry.field(description="OPEN, or CLOSED: closeCycle froze its objectives.")
    closed_at: dt.datetime | None = strawberry.field(description="When it was closed; null while open.")
    parent_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, m: models.Cycle) -> Cycle:
        return cls(
            id=strawberry.ID(m.id),
            name=m.name,
            kind=m.kind,
            start_date=m.start_date,
            end_date=m.end_date,
            status=m.status,
            closed_at=m.closed_at,
            parent_id=m.parent_id,
        )

    @strawberry.field(description="The year a quarter lies in.")
    async def parent(self, info: Info) -> Cycle | None:
        if self.parent_id is None:
            return None
        return Cycle.of(present(await info.context.loaders.cycle_by_id.load(self.parent_id)))

    @strawberry.field(description="The quarters within a year.")
    async def children(self, info: Info) -> list[Cycle]:
        return [Cycle.of(c) for c in await info.context.loaders.cycles_by_parent.load(self.id)]


@strawberry.type(description="A strategic priority (theme, bet) for a year.")
class Priority:
    id: strawberry.ID
    title: str
    description: str | None
    cycle_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.Priority) -> Priority:
        return cls(id=strawberry.ID(m.id), title=m.title, description=m.description, cycle_id=m.cycle_id)

    @strawberry.field
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await info.context.loaders.cycle_by_id.load(self.cycle_id)))

    @strawberry.field(description="The strategic objectives that support this priority.")
    async def supported_by(self, info: Info) -> list[Objective]:
        return [Objective.of(o) for o in await info.context.loaders.objectives_by_priority.load(self.id)]


@strawberry.type(description="A qualitative goal owned by one team in one cycle.")
class Objective:
    id: strawberry.ID
    title: str
    description: str | None
    tier: Tier
    status: ObjectiveStatus
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

    @strawberry.field
    async def owner(self, info: Info) -> Team:
        return Team.of(present(await info.context.loaders.team_by_id.load(self.owner_id)))

    @strawberry.field
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await info.context.loaders.cycle_by_id.load(self.cycle_id)))

    @strawberry.field
    async def key_results(self, info: Info) -> list[KeyResult]:
        return [KeyResult.of(k) for k in await info.context.loaders.key_results_by_objective.load(self.id)]

    @strawberry.field(
        description="Weighted mean progress (0..1) of the key results that have one; null if none."
    )
    async def progress(self, info: Info) -> float | None:
        return objective_progress(await info.context.loaders.key_results_by_objective.load(self.id))

    @strawberry.field(description="What this objective contributes to (vertical alignment, upward).")
    async def parents(self, info: Info) -> list[Contribution]:
        return [Contribution.of(c) for c in await info.context.loaders.contributions_by_child.load(self.id)]

    @strawberry.field(description="The objectives that contribute to this one (downward).")
    async def children(self, info: Info) -> list[Contribution]:
        return [Contribution.of(c) for c in await info.context.loaders.contributions_by_parent.load(self.id)]

    @strawberry.field(description="The priorities this strategic objective supports.")
    async def supports(self, info: Info) -> list[Priority]:
        return [Priority.of(p) for p in await info.context.loaders.priorities_by_objective.load(self.id)]

    @strawberry.field(description="What this objective needs from other teams.")
    async def depends_on(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await info.context.loaders.dependencies_by_source.load(self.id)]

    @strawberry.field(description="Other teams' work that needs this objective.")
    async def depended_on_by(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await info.context.loaders.dependencies_by_target.load(self.id)]

    @strawberry.field(description="Its GRIP check-ins, newest first.")
    async def check_ins(
        self, info: Info, first: int = 10, after: str | None = None
    ) -> Connection[Annotated[CheckIn, strawberry.lazy("resolvers.rituals.checkins")]]:
        from resolvers.rituals import checkins

        return await checkins.check_ins(info, self.id, first=first, after=after)

    @strawberry.field(
        description="Confidence over the cycle, one point per check-in, and where it is heading."
    )
    async def confidence_trend(
        self, info: Info
    ) -> Annotated[ConfidenceTrend, strawberry.lazy("resolvers.rituals.checkins")]:
        from resolvers.rituals import checkins

        return await checkins.confidence_trend(info, self.id)

    @strawberry.field(description="When its latest check-in was recorded; null before the first.")
    async def last_check_in_at(self, info: Info) -> dt.datetime | None:
        from resolvers.rituals import checkins

        return await checkins.last_check_in_at(info, self.id)

    @strawberry.field(description="Its retrospectives, newest first.")
    async def retrospectives(
        self, info: Info
    ) -> list[Annotated[Retrospective, strawberry.lazy("resolvers.rituals.retrospectives")]]:
        from resolvers.rituals import retrospectives

        return await retrospectives.of_objective(info, self.id)

    @strawberry.field(description="The objective this one was carried over from (carryOverObjective).")
    async def carried_over_from(self, info: Info) -> Objective | None:
        found = await info.context.loaders.cycle.carried_over_from.load(self.id)
        return Objective.of(found) if found else None


@strawberry.type(description="A measurable result of one objective.")
class KeyResult:
    id: strawberry.ID
    title: str
    kind: KeyResultKind
    direction: Direction | None
    unit: str | None
    baseline: float | None
    target: float | None
    current: float | None
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
        since: Annotated[dt.datetime | None, strawberry.argument(name="from")] = None,
        until: Annotated[dt.datetime | None, strawberry.argument(name="to")] = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[Measurement]:
        return await history_connection(
            info.context.loaders.history,
            self.id,
            since=since,
            until=until,
            first=check_first(first, info.context.settings.max_page_size),
            after=after,
        )

    @strawberry.field
    async def objective(self, info: Info) -> Objective:
        return Objective.of(present(await info.context.loaders.objective_by_id.load(self.objective_id)))

    @strawberry.field(description="Backlog work that advances this key result.")
    async def initiatives(self, info: Info) -> list[Initiative]:
        return [Initiative.of(i) for i in await info.context.loaders.initiatives_by_key_result.load(self.id)]

    @strawberry.field(description="The objectives that contribute to this key result.")
    async def contributors(self, info: Info) -> list[Contribution]:
        return [Contribution.of(c) for c in await info.context.loaders.contributions_by_parent.load(self.id)]

    @strawberry.field
    async def depends_on(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await info.context.loaders.dependencies_by_source.load(self.id)]

    @strawberry.field
    async def depended_on_by(self, info: Info) -> list[Dependency]:
        return [Dependency.of(d) for d in await info.context.loaders.dependencies_by_target.load(self.id)]


@strawberry.type(description="Backlog work (an epic, a project) that advances key results.")
class Initiative:
    id: strawberry.ID
    title: str
    url: str | None
    status: InitiativeStatus

    @classmethod
    def of(cls, m: models.Initiative) -> Initiative:
        return cls(id=strawberry.ID(m.id), title=m.title, url=m.url, status=m.status)

    @strawberry.field
    async def key_results(self, info: Info) -> list[KeyResult]:
        return [KeyResult.of(k) for k in await info.context.loaders.key_results_by_initiative.load(self.id)]


AlignmentTarget = Annotated[Objective | KeyResult, strawberry.union("AlignmentTarget")]


async def load_target(info: Info, kind: str, id: str) -> Objective | KeyResult:
    if kind == "Objective":
        return Objective.of(present(await info.context.loaders.objective_by_id.load(id)))
    return KeyResult.of(present(await info.context.loaders.key_result_by_id.load(id)))


@strawberry.type(
    description="A CONTRIBUTES_TO edge: a child objective moves a parent objective or key result."
)
class Contribution:
    weight: float
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

    @strawberry.field
    async def child(self, info: Info) -> Objective:
        return Objective.of(present(await info.context.loaders.objective_by_id.load(self.child_id)))

    @strawberry.field
    async def parent(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.parent_kind, self.parent_id)


@strawberry.type(description="A DEPENDS_ON edge: `from` cannot finish without another team's `to`.")
class Dependency:
    note: str | None
    from_id: strawberry.Private[str]
    from_kind: strawberry.Private[str]
    to_id: strawberry.Private[str]
    to_kind: strawberry.Private[str]

    @classmethod
    def of(cls, m: models.Dependency) -> Dependency:
        return cls(note=m.note, from_id=m.from_id, from_kind=m.from_kind, to_id=m.to_id, to_kind=m.to_kind)

    @strawberry.field(name="from")
    async def source(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.from_kind, self.from_id)

    @strawberry.field(name="to")
    async def target(self, info: Info) -> AlignmentTarget:
        return await load_target(info, self.to_kind, self.to_id)


def present(value: N | None) -> N:
    # Edges point at nodes that exist in the same snapshot; a miss means a concurrent delete.
    if value is None:
        raise LookupError("a linked node was deleted while the request ran")
    return value
