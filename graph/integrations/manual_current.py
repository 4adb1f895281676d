"""A key result's fields changed by hand: a new `current` is a measurement, recorded through the push path.

So it stays the latest observed value of the KR's history, like a pushed one (graph/integrations/measurements.py),
and current, lastObservedAt, currentMeasurementId and progress always agree with that history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import KeyResult
from graph.integrations import measurements
from graph.integrations.events import UpdateCause, record_change
from graph.integrations.push_checks import PushedValue, PushReason, PushStatus, check_value
from graph.planning import frozen, rules
from graph.planning.key_results import KeyResultFields

MANUAL_SOURCE = "manual"


def manual_source(token_name: str | None) -> str:
    """The source of a hand-set current: "manual", with the name of the token that set it when there is one."""
    return MANUAL_SOURCE if not token_name else f"{MANUAL_SOURCE}:{token_name.strip()}"[:100]


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
            await record_change(tx, [id], UpdateCause.EDIT)
            return KeyResult.from_row(updated["keyResult"])
        # The other fields first (progress from the current they keep), then the value through the push path,
        # which reads them under its lock and sets current, lastObservedAt, currentMeasurementId and progress.
        props = KeyResultFields(**{**asdict(fields), "current": old.current}).checked()
        del props["current"]
        await tx.run("keyresults/update_key_result", id=id, changes=props)
        await _measure(tx, pushed, now)
        await record_change(tx, [id], UpdateCause.EDIT)
        row = await tx.one("keyresults/get_key_results", ids=[id])
        assert row is not None
        return KeyResult.from_row(row["keyResult"])

    return await db.write(work)


async def create_key_result(
    db: Database,
    *,
    id: str | None,
    objective_id: str,
    fields: KeyResultFields,
    source: str = MANUAL_SOURCE,
    now: dt.datetime | None = None,
) -> KeyResult:
    """Create a key result; an initial `current` is its first measurement (observed `now`), so it is not stale.

    The key result is created without it, then the value goes through the push path in the same transaction.
    """
    now = now or dt.datetime.now(dt.UTC)
    props = {"id": rules.new_id("id", id), **fields.checked()}
    pushed = None
    if fields.current is not None:
        pushed = PushedValue(
            value=float(fields.current), observed_at=now, source=source, key_result_id=props["id"]
        )
        props = {**props, **KeyResultFields(**{**asdict(fields), "current": None}).checked()}

    async def work(tx: Tx) -> KeyResult:
        await frozen.ensure_open(tx, [objective_id], field="objectiveId")
        row = await tx.one("keyresults/create_key_result", objectiveId=objective_id, props=props)
        if row is None:
            raise not_found("objective", "objectiveId", objective_id)
        if pushed is None:
            return KeyResult.from_row(row["keyResult"])
        await _measure(tx, pushed, now)
        row = await tx.one("keyresults/get_key_results", ids=[props["id"]])
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
