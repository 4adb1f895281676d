"""The leadership report on one strategic objective: the numbers behind a monthly review.

One call gathers, as they stood on a day (`as_of`, from history when it is past: graph/core/history.py): the
objective's own key results and progress, the progress rolled up from everything that counts toward it
(graph/alignment/rollup.py) with each contributor's owner team, the spread of the contributors' confidence,
the at-risk dependencies touching any of them, the stale key results, and the issues raised in each one's
latest check-in. The monthly review (graph/report/review.py), behind both the GraphQL field `strategicReport`
and the CLI's `report strategic`, calls it for the report's day and the last review's, so the HTML shows the
API's numbers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from graph.alignment.dependencies import LOW_CONFIDENCE, TOLERANCE, DependencyRisk
from graph.alignment.rollup import RolledContribution, rollup
from graph.core.db import Database, Row
from graph.core.errors import ValidationError
from graph.core.history import values_on
from graph.core.models import KeyResultKind, RollupMethod, Tier

# A key result with no measurement for more than this many days is stale; the API and CLI pass the setting
# AG_HEALTH_STALE_MEASUREMENT_DAYS, so the report and the health check agree.
STALE_MEASUREMENT_DAYS = 14
MAX_STALE_DAYS = 366


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


@dataclass(frozen=True)
class CheckIn:
    """One GRIP check-in: goal confidence, issues and the plan forward."""

    id: str
    created_at: dt.datetime
    confidence: int | None
    issues: list[str]
    plan: str | None
    author: str | None

    @classmethod
    def from_row(cls, row: Row) -> CheckIn:
        return cls(
            id=row["id"],
            created_at=_native(row["createdAt"]),
            confidence=row["confidence"],
            issues=list(row["issues"]),
            plan=row["plan"],
            author=row["author"],
        )


@dataclass(frozen=True)
class ReportObjective:
    """An objective in the report, with its owner team and where it stood on the report's day."""

    id: str
    title: str
    tier: Tier
    owner_id: str | None
    owner_name: str | None
    cycle_id: str | None
    cycle_name: str | None
    progress: float | None  # its own key results' weighted mean
    expected_progress: float | None  # share of its cycle elapsed
    confidence: int | None  # its latest check-in's by the report's day; else as confidence_on.cypher says
    check_ins: list[CheckIn]  # by the report's day, oldest first: the confidence over time
    cycle_start: dt.date | None = None
    cycle_end: dt.date | None = None

    @property
    def latest_check_in(self) -> CheckIn | None:
        return self.check_ins[-1] if self.check_ins else None

    @classmethod
    def from_row(cls, row: Row, check_ins: list[CheckIn]) -> ReportObjective:
        return cls(
            id=row["id"],
            title=row["title"],
            tier=Tier(row["tier"]),
            owner_id=row["ownerId"],
            owner_name=row["ownerName"],
            cycle_id=row["cycleId"],
            cycle_name=row["cycleName"],
            progress=row["progress"],
            expected_progress=row["expectedProgress"],
            confidence=row["confidence"],
            check_ins=check_ins,
            cycle_start=_native(row["cycleStart"]),
            cycle_end=_native(row["cycleEnd"]),
        )


@dataclass(frozen=True)
class ReportKeyResult:
    objective_id: str
    id: str
    title: str
    kind: KeyResultKind
    unit: str | None
    baseline: float | None
    target: float | None
    current: float | None  # on a past report day, its latest measurement by then (null when none was)
    done: bool | None
    progress: float | None  # from that value
    last_measured_at: dt.datetime | None  # latest measurement observed by the report's day
    days_without_measurement: int | None  # since then, or since its cycle started; null for milestones
    stale: bool

    @classmethod
    def from_row(cls, row: Row) -> ReportKeyResult:
        return cls(
            objective_id=row["objectiveId"],
            id=row["id"],
            title=row["title"],
            kind=KeyResultKind(row["kind"]),
            unit=row["unit"],
            baseline=row["baseline"],
            target=row["target"],
            current=row["current"],
            done=row["done"],
            progress=row["progress"],
            last_measured_at=_native(row["lastMeasuredAt"]),
            days_without_measurement=row["daysWithoutMeasurement"],
            stale=row["stale"],
        )


@dataclass(frozen=True)
class Contributor:
    """An objective that counts toward the strategic one, at its smallest depth in the roll-up."""

    objective: ReportObjective
    contribution: RolledContribution

    @property
    def progress(self) -> float | None:
        """What it counts with in the roll-up: its own roll-up, or its own progress when nothing is below it."""
        rolled = self.contribution.rolled_up_progress
        return rolled if rolled is not None else self.contribution.own_progress


@dataclass(frozen=True)
class ConfidenceSpread:
    """The contributors' confidence (0..10) on the report's day; those without one are left out."""

    count: int
    min: int | None
    max: int | None
    mean: float | None


@dataclass(frozen=True)
class ReportDependency:
    risk: DependencyRisk
    from_owner_name: str
    to_owner_name: str


@dataclass(frozen=True)
class RaisedIssue:
    """One issue from an objective's latest check-in by the report's day."""

    objective: ReportObjective
    check_in: CheckIn
    text: str


@dataclass(frozen=True)
class StrategicReport:
    as_of: dt.date
    stale_after_days: int
    objective: ReportObjective
    method: RollupMethod
    key_results: list[ReportKeyResult]
    own_progress: float | None
    rolled_up_progress: float | None
    contributors: list[Contributor]
    confidence: ConfidenceSpread
    at_risk_dependencies: list[ReportDependency]
    stale_key_results: list[ReportKeyResult]  # of the objective and its contributors
    issues: list[RaisedIssue]  # from the latest check-in of the objective and of each contributor
    all_key_results: list[ReportKeyResult]  # of the objective and its contributors


def spread(values: list[int | None]) -> ConfidenceSpread:
    known = [v for v in values if v is not None]
    if not known:
        return ConfidenceSpread(count=0, min=None, max=None, mean=None)
    return ConfidenceSpread(count=len(known), min=min(known), max=max(known), mean=fmean(known))


async def strategic_report(
    db: Database, *, objective_id: str, as_of: dt.date, stale_after_days: int = STALE_MEASUREMENT_DAYS
) -> StrategicReport:
    """Return the report on a STRATEGIC objective as it stood on `as_of` (NOT_FOUND, or VALIDATION if TEAM)."""
    if not 1 <= stale_after_days <= MAX_STALE_DAYS:
        raise ValidationError(
            f"staleAfterDays must be 1 to {MAX_STALE_DAYS}, got {stale_after_days}",
            field="staleAfterDays",
            value=stale_after_days,
        )
    rolled = await rollup(db, objective_id=objective_id, as_of=as_of)  # NOT_FOUND for an unknown id
    on = values_on(as_of)
    first_edges: dict[str, RolledContribution] = {}
    for edge in rolled.contributions:  # by depth: keep each contributor's shallowest edge
        first_edges.setdefault(edge.child_id, edge)
    ids = [objective_id, *first_edges]
    objective_rows, kr_rows, dependency_rows, check_in_rows = await asyncio.gather(
        db.read("report/get_report_objectives", objectiveIds=ids, asOf=as_of, valuesOn=on),
        db.read(
            "report/list_key_results_as_of",
            objectiveIds=ids,
            asOf=as_of,
            valuesOn=on,
            staleDays=stale_after_days,
        ),
        db.read(
            "report/list_at_risk_dependencies",
            objectiveIds=ids,
            asOf=as_of,
            valuesOn=on,
            tolerance=TOLERANCE,
            lowConfidence=LOW_CONFIDENCE,
        ),
        db.read("report/read_check_ins", objectiveIds=ids, asOf=as_of),
    )
    check_ins: dict[str, list[CheckIn]] = {}
    for row in check_in_rows:
        check_ins.setdefault(row["objectiveId"], []).append(CheckIn.from_row(row))
    objectives = {
        row["id"]: ReportObjective.from_row(row, check_ins.get(row["id"], [])) for row in objective_rows
    }
    root = objectives[objective_id]
    if root.tier is not Tier.STRATEGIC:
        raise ValidationError(
            f"objectiveId {objective_id!r} is a {root.tier} objective; the report is on a STRATEGIC one",
            field="objectiveId",
            value=objective_id,
        )
    contributors = [Contributor(objectives[child], edge) for child, edge in first_edges.items()]
    key_results = [ReportKeyResult.from_row(row) for row in kr_rows]
    reported = [root, *(c.objective for c in contributors)]
    return StrategicReport(
        as_of=as_of,
        stale_after_days=stale_after_days,
        objective=root,
        method=rolled.method,
        key_results=[kr for kr in key_results if kr.objective_id == objective_id],
        own_progress=rolled.own_progress,
        rolled_up_progress=rolled.rolled_up_progress,
        contributors=contributors,
        confidence=spread([c.objective.confidence for c in contributors]),
        at_risk_dependencies=[
            ReportDependency(DependencyRisk.from_row(row), row["fromOwner"], row["toOwner"])
            for row in dependency_rows
        ],
        stale_key_results=[kr for kr in key_results if kr.stale],
        issues=[
            RaisedIssue(objective=o, check_in=latest, text=text)
            for o in reported
            if (latest := o.latest_check_in) is not None
            for text in latest.issues
        ],
        all_key_results=key_results,
    )
