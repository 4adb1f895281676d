"""Key results: measurable movements (METRIC, KBI) or milestones of one objective.

A `current` set by hand (`update_key_result`) is recorded as a measurement observed now, through the push path
(graph/measurements.py), so it stays the latest observed value of the KR's history, like a pushed one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Direction, KeyResult, KeyResultKind
from graph.core.paging import Page, by_id, group, to_page
from graph.core.progress import key_result_progress
from graph.integrations import measurements
from graph.integrations.push_checks import PushedValue, PushReason, PushStatus, check_value
from graph.planning import frozen, rules
from graph.planning.writes import delete_by_id

MANUAL_SOURCE = "manual"


def manual_source(token_name: str | None) -> str:
    """The source of a hand-set current: "manual", with the name of the token that set it when there is one."""
    return MANUAL_SOURCE if not token_name else f"{MANUAL_SOURCE}:{token_name.strip()}"[:100]


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
        props = asdict(self)
        props["title"] = rules.name("title", self.title)
        props["unit"] = rules.text("unit", self.unit, limit=40)
        props["weight"] = rules.positive("weight", self.weight)
        del props["external_key"]
        props["externalKey"] = rules.external_key("externalKey", self.external_key)
        rules.key_result_numbers(
            kind=self.kind,
            direction=self.direction,
            baseline=self.baseline,
            target=self.target,
            current=self.current,
        )
        props["kind"] = self.kind.value
        props["direction"] = self.direction.value if self.direction else None
        # Stored so that analysts' Cypher reads the same progress the API shows.
        props["progress"] = key_result_progress(self)
        return props


async def get_key_results(db: Database, ids: list[str]) -> list[KeyResult | None]:
    """Return the key results with these ids, None where missing, in order."""
    rows = await db.read("keyresults/get_key_results", ids=ids)
    return by_id(rows, ids, column="keyResult", build=KeyResult.from_row)


async def key_results_of_objectives(db: Database, ids: list[str]) -> list[list[KeyResult]]:
    """Return each objective's key results, in order of `ids`."""
    rows = await db.read("keyresults/key_results_of_objectives", ids=ids)
    return group(rows, ids, column="keyResult", build=KeyResult.from_row)


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


async def update_key_result(
    db: Database,
    *,
    id: str,
    changes: dict[str, Any],
    source: str = MANUAL_SOURCE,
    now: dt.datetime | None = None,
) -> KeyResult:
    """Change a key result's fields; the merged result must still pass every rule.

    A new `current` is not written over the KR: it becomes a measurement observed `now` from `source`, in the
    same transaction, and current, lastObservedAt, currentMeasurementId and progress follow the push rule (the
    latest observed value wins). It is refused like a pushed value: not for an archived objective's KR.
    """
    now = now or dt.datetime.now(dt.UTC)
    value = changes.get("current")
    if "current" in changes:
        if value is None:
            raise ValidationError(
                "current must not be null: a key result's current is the latest value of its history",
                field="current",
                value=None,
            )
        rules.finite("current", value)
    pushed = None
    if value is not None:
        pushed = PushedValue(value=float(value), observed_at=now, source=source, key_result_id=id)
        rejected = check_value(0, pushed, now)
        if rejected is not None:
            raise ValidationError(rejected.message or "current is not valid", field="current", value=value)

    async def work(tx: Tx) -> KeyResult:
        await frozen.ensure_open(tx, [id], field="id")
        row = await tx.one("keyresults/get_key_results", ids=[id])
        if row is None:
            raise not_found("key result", "id", id)
        old = KeyResult.from_row(row["keyResult"])
        merged = KeyResultFields(
            title=old.title,
            kind=old.kind,
            direction=old.direction,
            unit=old.unit,
            baseline=old.baseline,
            target=old.target,
            current=old.current,
            done=old.done,
            weight=old.weight,
            external_key=old.external_key,
        )
        fields = KeyResultFields(**{**asdict(merged), **changes})
        props = fields.checked()
        if pushed is None:
            updated = await tx.one("keyresults/update_key_result", id=id, changes=props)
            assert updated is not None
            return KeyResult.from_row(updated["keyResult"])
        # The other fields first (progress from the current they keep), then the value through the push path,
        # which reads them under its lock and sets current, lastObservedAt, currentMeasurementId and progress.
        props = KeyResultFields(**{**asdict(fields), "current": old.current}).checked()
        del props["current"]
        await tx.run("keyresults/update_key_result", id=id, changes=props)
        await _measure(tx, pushed, now)
        row = await tx.one("keyresults/get_key_results", ids=[id])
        assert row is not None
        return KeyResult.from_row(row["keyResult"])

    return await db.write(work)


async def _measure(tx: Tx, pushed: PushedValue, now: dt.datetime) -> None:
    """Record a hand-set current as a measurement, or raise CONFLICT as a push would refuse it."""
    (result,) = await measurements.push_in_tx(tx, [pushed], now)
    if result.status is PushStatus.ACCEPTED:
        return
    message = result.message or "the value was refused"
    if result.reason is PushReason.ARCHIVED_KEY_RESULT:
        message = (
            f"key result {pushed.key_result_id!r} belongs to an archived objective; current can't change"
        )
    raise ConflictError(message, field="current", value=pushed.value)


async def delete_key_result(db: Database, *, id: str) -> str:
    """Delete a key result and its edges."""
    return await delete_by_id(
        db, "keyresults/delete_key_result", id=id, kind="key result", frozen_in_closed_cycle=True
    )
