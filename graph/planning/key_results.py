"""Key results: measurable movements (METRIC, KBI) or milestones of one objective.

Changing a key result's fields, `current` among them, is graph/integrations/manual_current.py: a `current` set
by hand is a measurement, recorded through the push path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from graph.core.db import Database, Tx
from graph.core.errors import not_found
from graph.core.models import Direction, KeyResult, KeyResultKind
from graph.core.paging import Page, by_id, groups, to_page
from graph.core.progress import Measured, key_result_progress
from graph.planning import frozen, rules
from graph.planning.writes import delete_by_id


@dataclass(frozen=True)
class KeyResultFields:
    """The writable fields of a key result, as stored."""

    title: str
    kind: KeyResultKind
    direction: Direction | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    done: bool = False
    weight: float = 1.0
    external_key: str | None = None

    def checked(self) -> dict[str, Any]:
        """Validate the fields together and return them as Neo4j properties."""
        return checked_fields(self)


class KeyResultLike(Measured, Protocol):
    """A key result's writable fields, on any object (KeyResultFields, a plan's KeyResultItem)."""

    @property
    def title(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def weight(self) -> float: ...
    @property
    def external_key(self) -> str | None: ...


def checked_fields(kr: KeyResultLike) -> dict[str, Any]:
    """Validate a key result's fields together and return them as Neo4j properties (a plan checks tens of
    thousands with it, so it builds nothing but the result)."""
    title = rules.name("title", kr.title)
    unit = rules.text("unit", kr.unit, limit=40)
    weight = rules.positive("weight", kr.weight)
    external_key = rules.external_key("externalKey", kr.external_key)
    rules.key_result_numbers(
        kind=kr.kind, direction=kr.direction, baseline=kr.baseline, target=kr.target, current=kr.current
    )
    return {
        "title": title,
        "kind": kr.kind.value,
        "direction": kr.direction.value if kr.direction else None,
        "unit": unit,
        "baseline": kr.baseline,
        "target": kr.target,
        "current": kr.current,
        "done": kr.done,
        "weight": weight,
        "externalKey": external_key,
        # Stored so that analysts' Cypher reads the same progress the API shows.
        "progress": key_result_progress(kr),
    }


async def get_key_results(db: Database, ids: list[str]) -> list[KeyResult | None]:
    """Return the key results with these ids, None where missing, in order."""
    rows = await db.read("keyresults/get_key_results", ids=ids)
    return by_id(rows, ids, column="keyResult", build=KeyResult.from_row)


async def key_results_of_objectives(db: Database, ids: list[str]) -> list[list[KeyResult]]:
    """Return each objective's key results, in order of `ids`."""
    rows = await db.read("keyresults/key_results_of_objectives", ids=ids)
    return groups(rows, ids, build=KeyResult.from_row)


async def brief_key_results_of_objectives(db: Database, ids: list[str]) -> list[list[dict[str, Any]]]:
    """Return each objective's key results as brief rows (id, title, unit, current, target, objectiveId), in
    order of `ids`: for a list that shows only those (resolvers/planning/ahead.py)."""
    rows = await db.read("keyresults/key_results_of_objectives_brief", ids=ids)
    return groups(rows, ids, build=dict)


async def list_key_results(
    db: Database, *, objective_id: str | None, after: str | None, first: int
) -> Page[KeyResult]:
    """Return one page of key results ordered by id."""
    rows = await db.read("keyresults/list_key_results", objectiveId=objective_id, after=after, first=first)
    return to_page(rows, column="keyResult", first=first, build=KeyResult.from_row)


async def count_key_results(db: Database, *, objective_id: str | None) -> int:
    rows = await db.read("keyresults/count_key_results", objectiveId=objective_id)
    return int(rows[0]["total"])


async def create_key_result(
    db: Database, *, id: str | None, objective_id: str, fields: KeyResultFields
) -> KeyResult:
    """Create a key result under an objective in one transaction."""
    props = {"id": rules.new_id("id", id), **fields.checked()}

    async def work(tx: Tx) -> KeyResult:
        await frozen.ensure_open(tx, [objective_id], field="objectiveId")
        row = await tx.one("keyresults/create_key_result", objectiveId=objective_id, props=props)
        if row is None:
            raise not_found("objective", "objectiveId", objective_id)
        return KeyResult.from_row(row["keyResult"])

    return await db.write(work)


async def delete_key_result(db: Database, *, id: str) -> str:
    """Delete a key result and its edges."""
    return await delete_by_id(
        db,
        "keyresults/delete_key_result",
        id=id,
        kind="key result",
        frozen_in_closed_cycle=True,
        realign="alignment_state/contributors_to_key_result",
    )
