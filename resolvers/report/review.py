"""GraphQL field `strategicReport`: the monthly review of one strategic objective (graph/report/review.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.report import review
from resolvers.alignment.dependencies import DependencyRisk
from resolvers.core.context import Info
from resolvers.core.enums import RollupMethod
from resolvers.report.queries import (
    ConfidenceSpread,
    ObjectiveConfidence,
    RaisedIssue,
    ReportContributor,
    ReportKeyResult,
    ReportObjective,
)


@strawberry.type(description="One contributor between the last review (`since`) and the report's day.")
class ContributorChange:
    objective: ReportObjective = strawberry.field(description="The contributor, as on the report's day.")
    progress_then: float | None = strawberry.field(description="Its progress on `since`, 0..1.")
    progress_now: float | None = strawberry.field(description="Its progress on the report's day, 0..1.")
    change: float | None = strawberry.field(description="progressNow - progressThen; null when either is.")
    confidence_then: int | None = strawberry.field(description="Its confidence on `since`, 0..10.")
    confidence_now: int | None = strawberry.field(description="Its confidence on the report's day, 0..10.")
    became_at_risk: list[DependencyRisk] = strawberry.field(
        description="Dependencies from or to it (or one of its KRs) at risk now and not then."
    )
    stopped_being_at_risk: list[DependencyRisk] = strawberry.field(
        description="Dependencies from or to it (or one of its KRs) at risk then and not now."
    )
    went_stale: list[ReportKeyResult] = strawberry.field(
        description="Its key results stale now and not then."
    )

    @classmethod
    def of(cls, m: review.ContributorChange) -> ContributorChange:
        return cls(
            objective=ReportObjective.of(m.objective),
            progress_then=m.progress_then,
            progress_now=m.progress_now,
            change=m.change,
            confidence_then=m.confidence_then,
            confidence_now=m.confidence_now,
            became_at_risk=[DependencyRisk.of(d.risk) for d in m.became_at_risk],
            stopped_being_at_risk=[DependencyRisk.of(d.risk) for d in m.stopped_being_at_risk],
            went_stale=[ReportKeyResult.of(k) for k in m.went_stale],
        )


@strawberry.type(description="One contributor's progress on a day of the trend.")
class TrendValue:
    objective_id: strawberry.ID = strawberry.field(description="The contributing objective.")
    progress: float | None = strawberry.field(description="What it counts with on that day, 0..1.")


@strawberry.type(description="Where the roll-up stood on one day of the trend.")
class TrendPoint:
    day: dt.date = strawberry.field(description="The day.")
    rolled_up_progress: float | None = strawberry.field(description="As `rollup(asOf: day)`, 0..1.")
    expected_progress: float | None = strawberry.field(
        description="The share of the contributors' (most common) cycle elapsed on that day, 0..1."
    )
    contributors: list[TrendValue] = strawberry.field(description="Each contributor, in roll-up order.")

    @classmethod
    def of(cls, m: review.TrendPoint) -> TrendPoint:
        return cls(
            day=m.day,
            rolled_up_progress=m.rolled_up_progress,
            expected_progress=m.expected_progress,
            contributors=[
                TrendValue(objective_id=strawberry.ID(k), progress=v) for k, v in m.contributors.items()
            ],
        )


@strawberry.type(description="The numbers behind a leadership review of one strategic objective.")
class StrategicReport:
    as_of: dt.date = strawberry.field(description="The day the report describes.")
    since: dt.date = strawberry.field(description="The last review's day, which the changes compare with.")
    stale_after_days: int = strawberry.field(
        description="Days without a measurement after which a key result is stale."
    )
    objective: ReportObjective = strawberry.field(description="The strategic objective reported on.")
    method: RollupMethod = strawberry.field(description="How contributions roll up into it.")
    key_results: list[ReportKeyResult] = strawberry.field(description="The objective's own key results.")
    own_progress: float | None = strawberry.field(description="From its own key results, 0..1.")
    rolled_up_progress: float | None = strawberry.field(description="As `rollup(asOf)` computes it.")
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
    since_last_review: list[ContributorChange] = strawberry.field(
        description="Every contributor's change since `since`, the largest fall first (unknown changes last)."
    )
    trend: list[TrendPoint] = strawberry.field(
        description="The roll-up and each contributor's progress every week (every month over half a year) "
        "from the contributors' cycle start, at most a year back, to asOf."
    )

    @classmethod
    def of(cls, r: review.Review) -> StrategicReport:
        m = r.report
        return cls(
            as_of=m.as_of,
            since=r.since,
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
            since_last_review=[ContributorChange.of(c) for c in r.changes],
            trend=[TrendPoint.of(p) for p in r.trend],
        )


@strawberry.type
class ReportQueries:
    @strawberry.field(
        description="The leadership report on a STRATEGIC objective as it stood on asOf (default: today, UTC; "
        "a past day from history): its key results, the roll-up of its contributors with their teams, their "
        "confidence, at-risk dependencies, stale key results (not measured for more than staleAfterDays, default "
        "the setting AG_HEALTH_STALE_MEASUREMENT_DAYS, 14), the issues of the latest check-ins, what changed "
        "since the last review and the progress over time."
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
        since: Annotated[
            dt.date | None,
            strawberry.argument(description="The last review's day; default one month before asOf."),
        ] = None,
        stale_after_days: Annotated[
            int | None,
            strawberry.argument(description="1 to 366; default AG_HEALTH_STALE_MEASUREMENT_DAYS (14)."),
        ] = None,
    ) -> StrategicReport:
        found = await review.monthly_review(
            info.context.db,
            objective_id=objective_id,
            as_of=as_of or dt.datetime.now(dt.UTC).date(),
            since=since,
            stale_after_days=(
                info.context.settings.health.stale_measurement_days
                if stale_after_days is None
                else stale_after_days
            ),
        )
        return StrategicReport.of(found)
