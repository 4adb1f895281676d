"""Cross-team dependencies with their risk, and the loops between teams."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Reader
from graph.core.errors import ValidationError
from graph.core.history import values_on
from graph.core.models import Team
from graph.core.paging import Page, cut

# A depended-on end this far (0..1) behind the expected progress, or this unsure (0..10), puts it at risk.
TOLERANCE = 0.1
LOW_CONFIDENCE = 4


class RiskReason(StrEnum):
    BEHIND = "BEHIND"
    LOW_CONFIDENCE = "LOW_CONFIDENCE"
    ARCHIVED = "ARCHIVED"


@dataclass(frozen=True)
class DependencyEnd:
    id: str
    kind: str  # "Objective" or "KeyResult"
    title: str
    owner_id: str
    progress: float | None
    confidence: int | None

    @classmethod
    def from_row(cls, row: dict[str, Any], side: str) -> DependencyEnd:
        return cls(
            id=row[f"{side}Id"],
            kind=row[f"{side}Kind"],
            title=row[f"{side}Title"],
            owner_id=row[f"{side}OwnerId"],
            progress=row[f"{side}Progress"],
            confidence=row[f"{side}Confidence"],
        )


@dataclass(frozen=True)
class DependencyRisk:
    source: DependencyEnd
    target: DependencyEnd
    note: str | None
    expected_progress: float
    risk_reasons: list[RiskReason]

    @property
    def id(self) -> str:
        """A stable key for cursors: the pair of end ids."""
        return json.dumps([self.source.id, self.target.id])

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DependencyRisk:
        return cls(
            source=DependencyEnd.from_row(row, "from"),
            target=DependencyEnd.from_row(row, "to"),
            note=row["note"],
            expected_progress=row["expectedProgress"],
            risk_reasons=[RiskReason(reason) for reason in row["riskReasons"]],
        )


def decode_pair(key: str | None) -> tuple[str | None, str | None]:
    """Split a DependencyRisk.id back into its (from, to) ids."""
    if key is None:
        return None, None
    try:
        pair = json.loads(key)
    except ValueError:
        pair = None
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(end, str) for end in pair)):
        raise ValidationError(f"after {key!r} is not a dependency cursor", field="after", value=key)
    return pair[0], pair[1]


async def cross_team_dependencies(
    db: Reader,
    *,
    cycle_id: str,
    team_id: str | None,
    at_risk_only: bool,
    as_of: dt.date,
    after: str | None,
    first: int | None,
) -> Page[DependencyRisk]:
    """Return one page of cross-team dependencies with their risk, ordered by (from, to) id."""
    after_from, after_to = decode_pair(after)
    # The whole organisation reads the sources in id order until the page is full; a unit filters its own first.
    name = (
        "alignment/cross_team_dependencies"
        if team_id is None
        else "alignment/cross_team_dependencies_in_unit"
    )
    rows = await db.read(
        name,
        cycleId=cycle_id,
        teamId=team_id,
        atRiskOnly=at_risk_only,
        asOf=as_of,
        valuesOn=values_on(as_of),
        tolerance=TOLERANCE,
        lowConfidence=LOW_CONFIDENCE,
        afterFrom=after_from,
        afterTo=after_to,
        first=first,
    )
    return cut([DependencyRisk.from_row(row) for row in rows], first)


async def dependency_loops(db: Reader, *, cycle_id: str) -> list[list[Team]]:
    """Return the loops of two or three teams that depend on each other, each as teams in loop order."""
    rows = await db.read("alignment/team_dependency_loops", cycleId=cycle_id)
    return [[Team.from_row(team) for team in row["teams"]] for row in rows]
