"""The parts of the leadership report's GraphQL type (graph/report/strategic.py); the report is in review.py."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph.report import strategic as report
from resolvers.core.enums import KeyResultKind, Tier


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
        description="0..10, from its latest check-in by the report's day; with none by then, the stored one "
        "today or when never checked in, else null."
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
        description="Its value on the report's day: on a past day its latest measurement by then (null when "
        "none was), today the stored value."
    )
    done: bool | None = strawberry.field(description="Whether a MILESTONE is reached.")
    progress: float | None = strawberry.field(
        description="0..1 on the report's day, from that value (`KeyResult.progressAt`)."
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
