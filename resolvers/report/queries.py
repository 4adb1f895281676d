"""GraphQL field `strategicReport`: the leadership report on one strategic objective (graph/report/strategic.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.report import strategic as report
from resolvers.alignment.dependencies import DependencyRisk
from resolvers.core.context import Info
from resolvers.core.enums import KeyResultKind, RollupMethod, Tier


@strawberry.type(description="One GRIP check-in: goal confidence, issues and the plan forward.")
class ReportCheckIn:
    id: strawberry.ID = strawberry.field(description="The check-in's id.")
    created_at: dt.datetime = strawberry.field(description="When it was recorded.")
    confidence: int | None = strawberry.field(description="Goal confidence, 0 (no chance) to 10 (certain).")
    issues: list[str] = strawberry.field(description="What is in the way.")
    plan: str | None = strawberry.field(description="The plan forward.")
    author: str | None = strawberry.field(description="Who recorded it.")

    @classmethod
    def of(cls, m: report.CheckIn) -> ReportCheckIn:
        return cls(
            id=strawberry.ID(m.id),
            created_at=m.created_at,
            confidence=m.confidence,
            issues=m.issues,
            plan=m.plan,
            author=m.author,
        )


@strawberry.type(description="An objective in the report, as it stood on the report's day.")
class ReportObjective:
    id: strawberry.ID = strawberry.field(description="The objective's id.")
    title: str = strawberry.field(description="Its title.")
    tier: Tier = strawberry.field(description="STRATEGIC or TEAM.")
    owner_id: strawberry.ID | None = strawberry.field(description="The team that owns it.")
    owner_name: str | None = strawberry.field(description="The owner team's name.")
    cycle_id: strawberry.ID | None = strawberry.field(description="The cycle it is set for.")
    cycle_name: str | None = strawberry.field(description="The cycle's name.")
    progress: float | None = strawberry.field(description="Its own key results' weighted mean, 0..1.")
    expected_progress: float | None = strawberry.field(
        description="The share of its cycle elapsed on the report's day, 0..1."
    )
    confidence: int | None = strawberry.field(
        description="0..10, from its latest check-in by the report's day; else the stored confidence."
    )
    check_ins: list[ReportCheckIn] = strawberry.field(
        description="Its check-ins by the report's day, oldest first: the confidence over time."
    )

    @strawberry.field(description="Its latest check-in by the report's day.")
    def latest_check_in(self) -> ReportCheckIn | None:
        return self.check_ins[-1] if self.check_ins else None

    @classmethod
    def of(cls, m: report.ReportObjective) -> ReportObjective:
        return cls(
            id=strawberry.ID(m.id),
            title=m.title,
            tier=m.tier,
            owner_id=strawberry.ID(m.owner_id) if m.owner_id else None,
            owner_name=m.owner_name,
            cycle_id=strawberry.ID(m.cycle_id) if m.cycle_id else None,
            cycle_name=m.cycle_name,
            progress=m.progress,
            expected_progress=m.expected_progress,
            confidence=m.confidence,
            check_ins=[ReportCheckIn.of(c) for c in m.check_ins],
        )


@strawberry.type(
    description="A key result in the report; stale as the health check STALE_MEASUREMENT judges it."
)
class ReportKeyResult:
    objective_id: strawberry.ID = strawberry.field(description="The objective it measures.")
    id: strawberry.ID = strawberry.field(description="The key result's id.")
    title: str = strawberry.field(description="Its title.")
    kind: KeyResultKind = strawberry.field(description="METRIC, MILESTONE or KBI.")
    unit: str | None = strawberry.field(description='What the numbers count, e.g. "%".')
    baseline: float | None = strawberry.field(
        description="Where the metric stood when the key result was set."
    )
    target: float | None = strawberry.field(
        description="Where it should get to (for STAY_* directions, the threshold to hold)."
    )
    current: float | None = strawberry.field(
        description="Its value now, as stored (not as of the report's day)."
    )
    done: bool | None = strawberry.field(description="Whether a MILESTONE is reached.")
    progress: float | None = strawberry.field(
        description="0..1 now, as `KeyResult.progress` (not as of the report's day)."
    )
    last_measured_at: dt.datetime | None = strawberry.field(
        description="Its latest measurement observed by the report's day; null when never measured."
    )
    days_without_measurement: int | None = strawberry.field(
        description="Days since its latest measurement (or its cycle's start when never measured), up to the "
        "report's day or its cycle's end; null for milestones and before the cycle starts."
    )
    stale: bool = strawberry.field(
        description="A METRIC or KBI KR of an ACTIVE objective whose daysWithoutMeasurement exceed staleAfterDays."
    )

    @classmethod
    def of(cls, m: report.ReportKeyResult) -> ReportKeyResult:
        return cls(
            objective_id=strawberry.ID(m.objective_id),
            id=strawberry.ID(m.id),
            title=m.title,
            kind=m.kind,
            unit=m.unit,
            baseline=m.baseline,
            target=m.target,
            current=m.current,
            done=m.done,
            progress=m.progress,
            last_measured_at=m.last_measured_at,
            days_without_measurement=m.days_without_measurement,
            stale=m.stale,
        )


@strawberry.type(description="An objective that counts toward the strategic one (its shallowest edge).")
class ReportContributor:
    objective: ReportObjective = strawberry.field(description="The contributing objective.")
    depth: int = strawberry.field(description="1 for direct contributions to the strategic objective.")
    parent_id: strawberry.ID = strawberry.field(description="The objective it counts toward.")
    via_key_result_id: strawberry.ID | None = strawberry.field(
        description="The parent's key result it contributes to; null when direct."
    )
    weight: float = strawberry.field(description="The contribution's weight, as linked.")
    share: float = strawberry.field(description="Its part of the parent, as in `rollup`.")
    own_progress: float | None = strawberry.field(description="From its own key results, 0..1.")
    rolled_up_progress: float | None = strawberry.field(
        description="From what counts toward it, 0..1; null when nothing does."
    )
    progress: float | None = strawberry.field(
        description="What it counts with: its rolled-up progress, or its own when nothing counts toward it."
    )

    @classmethod
    def of(cls, m: report.Contributor) -> ReportContributor:
        edge = m.contribution
        return cls(
            objective=ReportObjective.of(m.objective),
            depth=edge.depth,
            parent_id=strawberry.ID(edge.parent_id),
            via_key_result_id=strawberry.ID(edge.via_key_result_id) if edge.via_key_result_id else None,
            weight=edge.weight,
            share=edge.share,
            own_progress=edge.own_progress,
            rolled_up_progress=edge.rolled_up_progress,
            progress=m.progress,
        )


@strawberry.type(description="One contributor's confidence on the report's day.")
class ObjectiveConfidence:
    objective_id: strawberry.ID = strawberry.field(description="The contributing objective.")
    owner_name: str | None = strawberry.field(description="Its owner team's name.")
    confidence: int | None = strawberry.field(description="0..10 on the report's day; null when unknown.")


@strawberry.type(description="The spread of the contributors' confidence (0..10); unknown ones are left out.")
class ConfidenceSpread:
    count: int = strawberry.field(description="How many contributors have a confidence.")
    min: int | None = strawberry.field(description="The lowest confidence; null when none is known.")
    max: int | None = strawberry.field(description="The highest confidence; null when none is known.")
    mean: float | None = strawberry.field(description="The mean confidence; null when none is known.")
    objectives: list[ObjectiveConfidence] = strawberry.field(
        description="Each contributor's confidence, unknown ones included, in roll-up order."
    )


@strawberry.type(description="An issue raised in an objective's latest check-in by the report's day.")
class RaisedIssue:
    objective_id: strawberry.ID = strawberry.field(description="The objective whose check-in raised it.")
    objective_title: str = strawberry.field(description="That objective's title.")
    owner_name: str | None = strawberry.field(description="Its owner team's name.")
    check_in_id: strawberry.ID = strawberry.field(description="The check-in that raised it.")
    raised_at: dt.datetime = strawberry.field(description="When that check-in was recorded.")
    author: str | None = strawberry.field(description="Who recorded that check-in.")
    text: str = strawberry.field(description="The issue, in the team's words.")

    @classmethod
    def of(cls, m: report.RaisedIssue) -> RaisedIssue:
        return cls(
            objective_id=strawberry.ID(m.objective.id),
            objective_title=m.objective.title,
            owner_name=m.objective.owner_name,
            check_in_id=strawberry.ID(m.check_in.id),
            raised_at=m.check_in.created_at,
            author=m.check_in.author,
            text=m.text,
        )


@strawberry.type(description="The numbers behind a leadership review of one strategic objective.")
class StrategicReport:
    as_of: dt.date = strawberry.field(description="The day the report describes.")
    stale_after_days: int = strawberry.field(
        description="Days without a measurement after which a key result is stale."
    )
    objective: ReportObjective = strawberry.field(description="The strategic objective reported on.")
    method: RollupMethod = strawberry.field(description="How contributions roll up into it.")
    key_results: list[ReportKeyResult] = strawberry.field(description="The objective's own key results.")
    own_progress: float | None = strawberry.field(description="From its own key results, 0..1.")
    rolled_up_progress: float | None = strawberry.field(description="As `rollup` computes it.")
    contributors: list[ReportContributor] = strawberry.field(
        description="In roll-up order: depth, parent, id."
    )
    confidence: ConfidenceSpread = strawberry.field(description="The spread of the contributors' confidence.")
    at_risk_dependencies: list[DependencyRisk] = strawberry.field(
        description="At-risk dependencies from or to the objective, a contributor, or one of their KRs."
    )
    stale_key_results: list[ReportKeyResult] = strawberry.field(
        description="Key results of the objective and its contributors with no measurement for more than "
        "staleAfterDays."
    )
    issues: list[RaisedIssue] = strawberry.field(
        description="Issues from the latest check-in of the objective and of each contributor."
    )

    @classmethod
    def of(cls, m: report.StrategicReport) -> StrategicReport:
        return cls(
            as_of=m.as_of,
            stale_after_days=m.stale_after_days,
            objective=ReportObjective.of(m.objective),
            method=m.method,
            key_results=[ReportKeyResult.of(k) for k in m.key_results],
            own_progress=m.own_progress,
            rolled_up_progress=m.rolled_up_progress,
            contributors=[ReportContributor.of(c) for c in m.contributors],
            confidence=ConfidenceSpread(
                count=m.confidence.count,
                min=m.confidence.min,
                max=m.confidence.max,
                mean=m.confidence.mean,
                objectives=[
                    ObjectiveConfidence(
                        objective_id=strawberry.ID(c.objective.id),
                        owner_name=c.objective.owner_name,
                        confidence=c.objective.confidence,
                    )
                    for c in m.contributors
                ],
            ),
            at_risk_dependencies=[DependencyRisk.of(d.risk) for d in m.at_risk_dependencies],
            stale_key_results=[ReportKeyResult.of(k) for k in m.stale_key_results],
            issues=[RaisedIssue.of(i) for i in m.issues],
        )


@strawberry.type
class ReportQueries:
    @strawberry.field(
        description="The leadership report on a STRATEGIC objective as it stood on asOf (default: today, UTC): "
        "its key results, the roll-up of its contributors with their teams, their confidence, at-risk "
        "dependencies, stale key results (not measured for more than staleAfterDays, default the setting "
        "AG_HEALTH_STALE_MEASUREMENT_DAYS, 14) and the issues of the latest check-ins."
    )
    async def strategic_report(
        self,
        info: Info,
        objective_id: Annotated[
            strawberry.ID, strawberry.argument(description="The STRATEGIC objective to report on.")
        ],
        as_of: Annotated[
            dt.date | None, strawberry.argument(description="The day to report on; default today (UTC).")
        ] = None,
        stale_after_days: Annotated[
            int | None,
            strawberry.argument(description="1 to 366; default AG_HEALTH_STALE_MEASUREMENT_DAYS (14)."),
        ] = None,
    ) -> StrategicReport:
        found = await report.strategic_report(
            info.context.db,
            objective_id=objective_id,
            as_of=as_of or dt.datetime.now(dt.UTC).date(),
            stale_after_days=(
                info.context.settings.health.stale_measurement_days
                if stale_after_days is None
                else stale_after_days
            ),
        )
        return StrategicReport.of(found)
