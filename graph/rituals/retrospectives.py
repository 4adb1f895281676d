"""Retrospectives: a mid-cycle or end-of-cycle reflection of one objective or one team in a cycle.

Attractors pulled the team towards the OKR, detractors pushed it away; then what it learned, what surprised
it and what it will change. An END retrospective records each key result's final score (its progress, 0..1,
and current value at that moment). A subject has at most one END retrospective per cycle. Retrospectives
are allowed in a closed cycle: they reflect on it, they do not change it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import ObjectiveStatus
from graph.core.paging import by_id, group
from graph.planning import rules

LISTS = ("attractors", "detractors", "learnings", "surprises", "changes")
MAX_ITEMS = 30
ITEM_MAX = 1000


class RetrospectiveKind(StrEnum):
    MID_CYCLE = "MID_CYCLE"
    END = "END"


@dataclass(frozen=True)
class Score:
    key_result_id: str
    score: float | None
    value: float | None


@dataclass(frozen=True)
class Retrospective:
    id: str
    kind: RetrospectiveKind
    attractors: list[str]
    detractors: list[str]
    learnings: list[str]
    surprises: list[str]
    changes: list[str]
    author: str
    created_at: dt.datetime
    idempotency_key: str | None
    cycle_id: str
    objective_id: str | None
    team_id: str | None
    scores: list[Score]

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Retrospective:
        scores = [
            Score(key_result_id=s["keyResultId"], score=s["score"], value=s["value"]) for s in m["scores"]
        ]
        return cls(
            id=m["id"],
            kind=RetrospectiveKind(m["kind"]),
            **{name: list(m.get(name) or []) for name in LISTS},
            author=m["author"],
            created_at=m["createdAt"].to_native(),
            idempotency_key=m.get("idempotencyKey"),
            cycle_id=m["cycleId"],
            objective_id=m.get("objectiveId"),
            team_id=m.get("teamId"),
            scores=sorted(scores, key=lambda s: s.key_result_id),
        )


@dataclass(frozen=True)
class RetrospectiveInput:
    kind: RetrospectiveKind
    author: str
    objective_id: str | None = None
    team_id: str | None = None
    cycle_id: str | None = None
    attractors: tuple[str, ...] = ()
    detractors: tuple[str, ...] = ()
    learnings: tuple[str, ...] = ()
    surprises: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    idempotency_key: str | None = None


def _items(field: str, items: tuple[str, ...]) -> list[str]:
    if len(items) > MAX_ITEMS:
        raise ValidationError(
            f"{field} holds {len(items)} items; the limit is {MAX_ITEMS}", field=field, value=len(items)
        )
    checked = []
    for index, item in enumerate(items):
        text = rules.text(f"{field}[{index}]", item, limit=ITEM_MAX)
        if text is None:
            raise ValidationError(
                f"{field}[{index}] must not be empty", field=f"{field}[{index}]", value=item
            )
        checked.append(text)
    return checked


def _checked(given: RetrospectiveInput, now: dt.datetime) -> dict[str, Any]:
    if (given.objective_id is None) == (given.team_id is None):
        raise ValidationError(
            "a retrospective is for exactly one of objectiveId or teamId", field="objectiveId", value=None
        )
    if given.team_id is not None and given.cycle_id is None:
        raise ValidationError("a team's retrospective needs a cycleId", field="cycleId", value=None)
    key = rules.idempotency_key(given.idempotency_key)
    props: dict[str, Any] = {name: _items(name, getattr(given, name)) for name in LISTS}
    if not any(props.values()):
        raise ValidationError(
            "a retrospective needs at least one attractor, detractor, learning, surprise or change",
            field="attractors",
            value=[],
        )
    return {
        "id": str(uuid.uuid4()),
        "kind": RetrospectiveKind(given.kind).value,
        **props,
        "author": rules.name("author", given.author),
        "createdAt": now,
        "idempotencyKey": key,
    }


async def _existing(tx: Tx, given: RetrospectiveInput) -> Retrospective | None:
    if given.idempotency_key is None:
        return None
    row = await tx.one("retrospectives/find_retrospective_by_key", idempotencyKey=given.idempotency_key)
    if row is None:
        return None
    found = Retrospective.from_row(row["retrospective"])
    if (found.objective_id, found.team_id) != (given.objective_id, given.team_id):
        raise ConflictError(
            f"idempotencyKey {given.idempotency_key!r} was used for another subject's retrospective",
            field="idempotencyKey",
            value=given.idempotency_key,
        )
    return found


async def _subject(tx: Tx, given: RetrospectiveInput) -> str:
    """Check the objective or team and the cycle; return the cycle the retrospective is held in."""
    row = await tx.one(
        "retrospectives/retrospective_subject",
        objectiveId=given.objective_id,
        teamId=given.team_id,
        cycleId=given.cycle_id,
    )
    if row is None:
        if given.objective_id is not None:
            raise not_found("objective", "objectiveId", given.objective_id)
        raise not_found("team", "teamId", given.team_id or "")
    if row["cycleId"] is None:
        raise not_found("cycle", "cycleId", given.cycle_id or "")
    if given.objective_id is not None:
        if row["status"] == ObjectiveStatus.ARCHIVED:
            raise ConflictError(
                f"objective {given.objective_id!r} is archived", field="objectiveId", value=given.objective_id
            )
        if row["cycleId"] != row["objectiveCycleId"]:
            raise ValidationError(
                f"objective {given.objective_id!r} is in cycle {row['objectiveCycleId']!r}, not {given.cycle_id!r}",
                field="cycleId",
                value=given.cycle_id,
            )
    if given.kind is RetrospectiveKind.END and row["ends"]:
        raise ConflictError(
            f"{row['subjectId']!r} already has an END retrospective in cycle {row['cycleId']!r}",
            field="kind",
            value=RetrospectiveKind.END.value,
        )
    return str(row["cycleId"])


async def record_retrospective(
    db: Database, given: RetrospectiveInput, *, now: dt.datetime | None = None
) -> Retrospective:
    """Record a retrospective (END: with each KR's final score) in one transaction; retries write nothing."""
    props = _checked(given, now or dt.datetime.now(dt.UTC))

    async def work(tx: Tx) -> Retrospective:
        found = await _existing(tx, given)
        if found is not None:
            return found
        cycle_id = await _subject(tx, given)
        row = await tx.one(
            "retrospectives/create_retrospective",
            objectiveId=given.objective_id,
            teamId=given.team_id,
            cycleId=cycle_id,
            retrospective=props,
        )
        assert row is not None
        return Retrospective.from_row(row["retrospective"])

    return await db.write_once(work, key=given.idempotency_key)


def _grouped(rows: list[dict[str, Any]], ids: list[str]) -> list[list[Retrospective]]:
    return group(rows, ids, column="retrospective", build=Retrospective.from_row)


async def retrospectives_of_objectives(db: Database, ids: list[str]) -> list[list[Retrospective]]:
    """Each objective's retrospectives, newest first, in the order of `ids`."""
    return _grouped(await db.read("retrospectives/retrospectives_of_objectives", ids=ids), ids)


async def retrospectives_of_teams(
    db: Database, ids: list[str], *, cycle_id: str | None
) -> list[list[Retrospective]]:
    """Each team's own retrospectives (optionally of one cycle), newest first, in the order of `ids`."""
    rows = await db.read("retrospectives/retrospectives_of_teams", ids=ids, cycleId=cycle_id)
    return _grouped(rows, ids)


async def get_retrospectives(db: Database, ids: list[str]) -> list[Retrospective | None]:
    """Return the retrospectives with these ids, None where missing (or of another organisation), in order."""
    rows = await db.read("retrospectives/get_retrospectives", ids=ids)
    return by_id(rows, ids, column="retrospective", build=Retrospective.from_row)
