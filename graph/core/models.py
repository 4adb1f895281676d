"""Typed records that repositories return. Enum values are the strings stored in Neo4j."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class TeamKind(StrEnum):
    COMPANY = "COMPANY"
    BUSINESS_UNIT = "BUSINESS_UNIT"
    TEAM = "TEAM"


class CycleKind(StrEnum):
    YEAR = "YEAR"
    QUARTER = "QUARTER"


class CycleStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class Tier(StrEnum):
    STRATEGIC = "STRATEGIC"
    TEAM = "TEAM"


def covers(outer: tuple[Any, Any], inner: tuple[Any, Any]) -> bool:
    """Whether the cycle spanning `outer` (start, end) contains the one spanning `inner`: strategy serves an
    objective, and a child may contribute to a parent, only so. The same rule as cypher/fragments/covers.cypher."""
    return bool(outer[0] <= inner[0] and outer[1] >= inner[1])


class ObjectiveStatus(StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"
    ARCHIVED = "ARCHIVED"

    @property
    def live(self) -> bool:
        """Whether alignment counts the objective and walks through it: any status but ARCHIVED (the same rule
        as cypher/fragments/live.cypher, which the alignment queries use)."""
        return self is not ObjectiveStatus.ARCHIVED


class RollupMethod(StrEnum):
    MEAN = "MEAN"
    SUM = "SUM"


class KeyResultKind(StrEnum):
    METRIC = "METRIC"
    MILESTONE = "MILESTONE"
    KBI = "KBI"


class Direction(StrEnum):
    INCREASE = "INCREASE"
    DECREASE = "DECREASE"
    STAY_AT_OR_ABOVE = "STAY_AT_OR_ABOVE"
    STAY_AT_OR_BELOW = "STAY_AT_OR_BELOW"


class InitiativeStatus(StrEnum):
    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


def _date(value: Any) -> dt.date:
    native = value.to_native() if hasattr(value, "to_native") else value
    assert isinstance(native, dt.date)
    return native


def _datetime(value: Any) -> dt.datetime | None:
    native = value.to_native() if hasattr(value, "to_native") else value
    assert native is None or isinstance(native, dt.datetime)
    return native


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    vision: str | None
    objective_limit: int | None = None  # None: the default limit (AG_HEALTH_OBJECTIVE_LIMIT)

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Organisation:
        return cls(
            id=m["id"], name=m["name"], vision=m.get("vision"), objective_limit=m.get("objectiveLimit")
        )


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    kind: TeamKind
    organisation_id: str
    parent_id: str | None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Team:
        return cls(
            id=m["id"],
            name=m["name"],
            kind=TeamKind(m["kind"]),
            organisation_id=m["organisationId"],
            parent_id=m.get("parentId"),
        )


@dataclass(frozen=True)
class Cycle:
    id: str
    name: str
    kind: CycleKind
    start_date: dt.date
    end_date: dt.date
    parent_id: str | None
    status: CycleStatus = CycleStatus.OPEN
    closed_at: dt.datetime | None = None
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Cycle:
        return cls(
            id=m["id"],
            name=m["name"],
            kind=CycleKind(m["kind"]),
            start_date=_date(m["startDate"]),
            end_date=_date(m["endDate"]),
            parent_id=m.get("parentId"),
            status=CycleStatus(m.get("status") or CycleStatus.OPEN),
            closed_at=_datetime(m.get("closedAt")),
            organisation_id=m.get("organisationId"),
        )

    def covers(self, other: Cycle) -> bool:
        """Whether this cycle contains `other` (itself, or a quarter of this year)."""
        return covers((self.start_date, self.end_date), (other.start_date, other.end_date))


@dataclass(frozen=True)
class Priority:
    id: str
    title: str
    description: str | None
    cycle_id: str
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Priority:
        return cls(
            id=m["id"],
            title=m["title"],
            description=m.get("description"),
            cycle_id=m["cycleId"],
            organisation_id=m.get("organisationId"),
        )


@dataclass(frozen=True)
class Objective:
    id: str
    title: str
    description: str | None
    tier: Tier
    status: ObjectiveStatus
    owner_id: str
    cycle_id: str
    confidence: int | None = None
    rollup: RollupMethod = RollupMethod.MEAN

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Objective:
        return cls(
            id=m["id"],
            title=m["title"],
            description=m.get("description"),
            tier=Tier(m["tier"]),
            status=ObjectiveStatus(m["status"]),
            owner_id=m["ownerId"],
            cycle_id=m["cycleId"],
            confidence=m.get("confidence"),
            rollup=RollupMethod(m.get("rollup") or RollupMethod.MEAN),
        )


@dataclass(frozen=True)
class KeyResult:
    id: str
    title: str
    kind: KeyResultKind
    direction: Direction | None
    unit: str | None
    baseline: float | None
    target: float | None
    current: float | None
    done: bool
    weight: float
    objective_id: str
    external_key: str | None = None
    last_observed_at: dt.datetime | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> KeyResult:
        return cls(
            id=m["id"],
            title=m["title"],
            kind=KeyResultKind(m["kind"]),
            direction=Direction(m["direction"]) if m.get("direction") else None,
            unit=m.get("unit"),
            baseline=m.get("baseline"),
            target=m.get("target"),
            current=m.get("current"),
            done=bool(m.get("done")),
            weight=float(m.get("weight") or 1.0),
            objective_id=m["objectiveId"],
            external_key=m.get("externalKey"),
            last_observed_at=_datetime(m.get("lastObservedAt")),
        )


@dataclass(frozen=True)
class Initiative:
    id: str
    title: str
    url: str | None
    status: InitiativeStatus
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Initiative:
        return cls(
            id=m["id"],
            title=m["title"],
            url=m.get("url"),
            status=InitiativeStatus(m["status"]),
            organisation_id=m.get("organisationId"),
        )


@dataclass(frozen=True)
class Contribution:
    """A CONTRIBUTES_TO edge as seen from one end."""

    child_id: str
    parent_id: str
    parent_kind: str  # "Objective" or "KeyResult"
    weight: float
    counts_toward_progress: bool

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Contribution:
        return cls(
            child_id=m["childId"],
            parent_id=m["parentId"],
            parent_kind=m["parentKind"],
            weight=float(m["weight"]),
            counts_toward_progress=bool(m["countsTowardProgress"]),
        )


@dataclass(frozen=True)
class Dependency:
    """A DEPENDS_ON edge: `from_id` cannot finish without `to_id`."""

    from_id: str
    from_kind: str
    to_id: str
    to_kind: str
    note: str | None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Dependency:
        return cls(
            from_id=m["fromId"],
            from_kind=m["fromKind"],
            to_id=m["toId"],
            to_kind=m["toKind"],
            note=m.get("note"),
        )
