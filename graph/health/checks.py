"""OKR health: the anti-patterns the domain warns about, found by one named query per check in cypher/health/."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Reader
from graph.core.paging import cut


class HealthCheck(StrEnum):
    """What a finding is about; the order is the order findings of one severity are listed in."""

    NO_KEY_RESULTS = "NO_KEY_RESULTS"
    KPI_IN_DISGUISE = "KPI_IN_DISGUISE"
    CASCADED_KEY_RESULTS = "CASCADED_KEY_RESULTS"
    TOO_MANY_KEY_RESULTS = "TOO_MANY_KEY_RESULTS"
    OBJECTIVE_LIMIT_EXCEEDED = "OBJECTIVE_LIMIT_EXCEEDED"
    STALE_MEASUREMENT = "STALE_MEASUREMENT"
    STALE_CHECK_IN = "STALE_CHECK_IN"
    LOW_CONFIDENCE = "LOW_CONFIDENCE"
    FALLING_CONFIDENCE = "FALLING_CONFIDENCE"


class Severity(StrEnum):
    INFO = "INFO"
    WARNING = "WARNING"
    CRITICAL = "CRITICAL"


class SubjectKind(StrEnum):
    OBJECTIVE = "OBJECTIVE"
    KEY_RESULT = "KEY_RESULT"
    TEAM = "TEAM"


@dataclass(frozen=True)
class HealthThresholds:
    """The settings the checks compare against (AG_HEALTH_* in api/settings.py), with their defaults."""

    stale_measurement_days: int = 14
    stale_check_in_days: int = 14
    low_confidence: int = 3
    confidence_drop: int = 3
    objective_limit: int = 3  # used for an organisation that has no objectiveLimit of its own
    max_key_results: int = 5

    def params(self) -> dict[str, int]:
        return {
            "staleMeasurementDays": self.stale_measurement_days,
            "staleCheckInDays": self.stale_check_in_days,
            "lowConfidence": self.low_confidence,
            "confidenceDrop": self.confidence_drop,
            "objectiveLimit": self.objective_limit,
            "maxKeyResults": self.max_key_results,
        }


@dataclass(frozen=True)
class CheckQuery:
    """One named query and the checks it answers; each query takes the parameters its header documents."""

    name: str
    checks: tuple[HealthCheck, ...]
    params: tuple[str, ...]


QUERIES: tuple[CheckQuery, ...] = (
    CheckQuery("health/kpi_in_disguise", (HealthCheck.KPI_IN_DISGUISE,), ()),
    CheckQuery(
        "health/objective_key_result_count",
        (HealthCheck.NO_KEY_RESULTS, HealthCheck.TOO_MANY_KEY_RESULTS),
        ("maxKeyResults", "checks"),
    ),
    CheckQuery("health/team_objective_limit", (HealthCheck.OBJECTIVE_LIMIT_EXCEEDED,), ("objectiveLimit",)),
    CheckQuery("health/cascaded_key_results", (HealthCheck.CASCADED_KEY_RESULTS,), ()),
    CheckQuery(
        "health/stale_measurements", (HealthCheck.STALE_MEASUREMENT,), ("asOf", "staleMeasurementDays")
    ),
    CheckQuery("health/stale_check_ins", (HealthCheck.STALE_CHECK_IN,), ("asOf", "staleCheckInDays")),
    CheckQuery("health/low_confidence", (HealthCheck.LOW_CONFIDENCE,), ("asOf", "lowConfidence")),
    CheckQuery(
        "health/falling_confidence",
        (HealthCheck.FALLING_CONFIDENCE,),
        ("asOf", "confidenceDrop", "lowConfidence"),
    ),
)

_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.WARNING: 1, Severity.INFO: 2}
_CHECK_RANK = {check: rank for rank, check in enumerate(HealthCheck)}


@dataclass(frozen=True)
class Finding:
    """One anti-pattern on one objective, key result or team, with the numbers behind it."""

    check: HealthCheck
    severity: Severity
    subject_kind: SubjectKind
    subject_id: str
    subject_title: str
    owner_id: str
    cycle_id: str
    message: str
    value: float | None
    limit: float | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Finding:
        return cls(
            check=HealthCheck(row["check"]),
            severity=Severity(row["severity"]),
            subject_kind=SubjectKind(row["subjectKind"]),
            subject_id=row["subjectId"],
            subject_title=row["subjectTitle"],
            owner_id=row["ownerId"],
            cycle_id=row["cycleId"],
            message=row["message"],
            value=row["value"],
            limit=row["limit"],
        )

    @property
    def key(self) -> FindingKey:
        return FindingKey(self.severity, self.check, self.subject_id, self.cycle_id)

    def sort_key(self) -> tuple[int, int, str, str]:
        return self.key.sort_key()


@dataclass(frozen=True)
class FindingKey:
    """Where a finding stands in the report's order (unique per finding): what an `after` cursor holds."""

    severity: Severity
    check: HealthCheck
    subject_id: str
    cycle_id: str

    def sort_key(self) -> tuple[int, int, str, str]:
        return (_SEVERITY_RANK[self.severity], _CHECK_RANK[self.check], self.subject_id, self.cycle_id)

    def param(self) -> list[int | str]:
        """The key as the health queries compare it: [severity rank, check position, subjectId, cycleId]."""
        return list(self.sort_key())


@dataclass(frozen=True)
class HealthPage:
    """One page of findings, and how many there are per severity over all pages."""

    findings: list[Finding]
    has_next_page: bool
    counts: dict[Severity, int]


async def health(
    db: Reader,
    *,
    cycle_id: str,
    unit_id: str | None,
    as_of: dt.date,
    thresholds: HealthThresholds,
    checks: set[HealthCheck] | None = None,
    min_severity: Severity | None = None,
    after: FindingKey | None = None,
    first: int | None = None,
) -> HealthPage:
    """Run the checks (all, or those in `checks`) at once, one query each, and return a page of findings.

    Findings come most severe first, then in HealthCheck order, then by subject id and cycle; those below
    `min_severity` are left out. The page holds up to `first` (None: all) after the finding `after`; each
    query returns only its part of that page and its counts per severity, so a page of 50 moves 8 x 51 rows
    at most, however many findings there are.
    """
    values: dict[str, Any] = {
        "asOf": as_of,
        "checks": None if checks is None else sorted(checks),
        **thresholds.params(),
    }
    paging = {
        "minSeverity": min_severity,
        "after": None if after is None else after.param(),
        "first": first,
    }
    chosen = [q for q in QUERIES if checks is None or checks.intersection(q.checks)]
    answers = await asyncio.gather(
        *(
            db.read(q.name, cycleId=cycle_id, unitId=unit_id, **{p: values[p] for p in q.params}, **paging)
            for q in chosen
        )
    )
    counts = dict.fromkeys(Severity, 0)
    for rows in answers:
        if rows:  # every row of one query carries its counts
            counts[Severity.CRITICAL] += rows[0]["critical"]
            counts[Severity.WARNING] += rows[0]["warnings"]
            counts[Severity.INFO] += rows[0]["infos"]
    found = sorted(
        (Finding.from_row(row) for rows in answers for row in rows if row["subjectId"] is not None),
        key=lambda finding: finding.sort_key(),
    )
    page = cut(found, first)
    return HealthPage(findings=page.items, has_next_page=page.has_next_page, counts=counts)
