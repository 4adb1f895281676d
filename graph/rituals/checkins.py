"""Check-ins: the weekly GRIP record of one objective (Goal confidence, Results, Issues, Plan forward).

A check-in's key-result values are written through the same path as pushed values (graph/integrations/measurements.py),
with source "check-in", in the check-in's own transaction. The check-in's confidence becomes the objective's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import ObjectiveStatus
from graph.core.paging import Page, by_id, cut, group
from graph.integrations import measurements
from graph.integrations.events import UpdateCause, record_change
from graph.integrations.push_checks import PushedValue, PushReason, PushStatus, check_value
from graph.planning import frozen, rules

SOURCE = "check-in"
MAX_VALUES = 50
MAX_ISSUES = 20
ISSUE_MAX = 1000


@dataclass(frozen=True)
class ValueInput:
    """A new value for one of the objective's key results, as the check-in gives it."""

    key_result_id: str
    value: float
    observed_at: dt.datetime | None = None


@dataclass(frozen=True)
class RecordedValue:
    key_result_id: str
    value: float
    observed_at: dt.datetime
    measurement_id: str


@dataclass(frozen=True)
class CheckIn:
    id: str
    objective_id: str
    confidence: int
    issues: list[str]
    plan: str
    author: str
    created_at: dt.datetime
    idempotency_key: str | None
    values: list[RecordedValue]

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> CheckIn:
        values = [
            RecordedValue(
                key_result_id=v["keyResultId"],
                value=float(v["value"]),
                observed_at=v["observedAt"].to_native(),
                measurement_id=v["measurementId"],
            )
            for v in m["values"]
        ]
        return cls(
            id=m["id"],
            objective_id=m["objectiveId"],
            confidence=int(m["confidence"]),
            issues=list(m.get("issues") or []),
            plan=m["plan"],
            author=m["author"],
            created_at=m["createdAt"].to_native(),
            idempotency_key=m.get("idempotencyKey"),
            values=sorted(values, key=lambda v: v.key_result_id),
        )


def _issues(issues: list[str]) -> list[str]:
    if len(issues) > MAX_ISSUES:
        raise ValidationError(
            f"issues holds {len(issues)} items; the limit is {MAX_ISSUES}", field="issues", value=len(issues)
        )
    checked = []
    for index, issue in enumerate(issues):
        text = rules.text(f"issues[{index}]", issue, limit=ISSUE_MAX)
        if text is None:
            raise ValidationError(f"issues[{index}] must not be empty", field=f"issues[{index}]", value=issue)
        checked.append(text)
    return checked


def _values(values: list[ValueInput], now: dt.datetime) -> list[PushedValue]:
    """Check the values as a push would, and turn them into pushed values with source "check-in"."""
    if len(values) > MAX_VALUES:
        raise ValidationError(
            f"values holds {len(values)} items; the limit is {MAX_VALUES}", field="values", value=len(values)
        )
    pushed: list[PushedValue] = []
    seen: set[str] = set()
    for index, item in enumerate(values):
        if item.key_result_id in seen:
            raise ValidationError(
                f"values[{index}].keyResultId {item.key_result_id!r} is given twice",
                field=f"values[{index}].keyResultId",
                value=item.key_result_id,
            )
        seen.add(item.key_result_id)
        value = PushedValue(
            value=item.value,
            observed_at=item.observed_at or now,
            source=SOURCE,
            key_result_id=item.key_result_id,
        )
        rejected = check_value(index, value, now)
        if rejected is not None:
            is_value = rejected.reason in (PushReason.NON_FINITE_VALUE, PushReason.VALUE_OUT_OF_RANGE)
            field, shown = (
                ("value", str(item.value)) if is_value else ("observedAt", value.observed_at.isoformat())
            )
            raise ValidationError(rejected.message or "", field=f"values[{index}].{field}", value=shown)
        pushed.append(value)
    return pushed


def _required_text(field: str, value: str) -> str:
    text = rules.text(field, value)
    if text is None:
        raise ValidationError(f"{field} must not be empty", field=field, value=value)
    return text


async def _existing(tx: Tx, key: str, objective_id: str) -> CheckIn | None:
    row = await tx.one("checkins/find_check_in_by_key", idempotencyKey=key)
    if row is None:
        return None
    found = CheckIn.from_row(row["checkIn"])
    if found.objective_id != objective_id:
        # Keys are unique database-wide; another organisation's objective stays unnamed.
        other = f"objective {found.objective_id!r}" if row["visible"] else "another objective"
        raise ConflictError(
            f"idempotencyKey {key!r} was used for a check-in of {other}",
            field="idempotencyKey",
            value=key,
        )
    return found


async def record_check_in(
    db: Database,
    *,
    objective_id: str,
    confidence: int,
    values: list[ValueInput],
    issues: list[str],
    plan: str,
    author: str,
    idempotency_key: str | None = None,
    now: dt.datetime | None = None,
) -> CheckIn:
    """Record a check-in and its KR values in one transaction; a retry with the same key writes nothing."""
    now = now or dt.datetime.now(dt.UTC)
    if confidence is None:
        raise ValidationError("confidence must not be null", field="confidence")
    props: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "confidence": rules.confidence("confidence", confidence),
        "issues": _issues(issues),
        "plan": _required_text("plan", plan),
        "author": rules.name("author", author),
        "createdAt": now,
        "idempotencyKey": rules.idempotency_key(idempotency_key),
    }
    pushed = _values(values, now)

    async def work(tx: Tx) -> CheckIn:
        if idempotency_key is not None:
            found = await _existing(tx, idempotency_key, objective_id)
            if found is not None:
                return found
        await frozen.ensure_open(tx, [objective_id], field="objectiveId")
        target = await tx.one("checkins/check_in_target", objectiveId=objective_id)
        if target is None:
            raise not_found("objective", "objectiveId", objective_id)
        if target["status"] == ObjectiveStatus.ARCHIVED:
            raise ConflictError(
                f"objective {objective_id!r} is archived", field="objectiveId", value=objective_id
            )
        own = set(target["keyResultIds"])
        for index, value in enumerate(pushed):
            if value.key_result_id not in own:
                raise ValidationError(
                    f"values[{index}].keyResultId {value.key_result_id!r} is not a key result of "
                    f"objective {objective_id!r}",
                    field=f"values[{index}].keyResultId",
                    value=value.key_result_id,
                )
        results = await measurements.push_in_tx(tx, pushed, now)
        for result in results:
            if result.status is not PushStatus.ACCEPTED:
                raise ConflictError(
                    result.message or "a value was refused",
                    field=f"values[{result.index}]",
                    value=pushed[result.index].key_result_id,
                )
        await record_change(tx, (v.key_result_id for v in pushed), UpdateCause.PUSH)
        row = await tx.one(
            "checkins/create_check_in",
            objectiveId=objective_id,
            checkIn=props,
            measurementIds=[r.measurement_id for r in results],
        )
        assert row is not None
        return CheckIn.from_row(row["checkIn"])

    return await db.write_once(work, key=idempotency_key)


async def check_ins_of(
    db: Database, ids: list[str], *, first: int, after: tuple[dt.datetime, str] | None
) -> list[Page[CheckIn]]:
    """One page of each objective's check-ins, newest first, in the order of `ids`."""
    rows = await db.read(
        "checkins/check_ins_of_objectives",
        ids=ids,
        afterCreatedAt=after[0] if after else None,
        afterId=after[1] if after else None,
        first=first,
    )
    return [cut(items, first) for items in group(rows, ids, column="checkIn", build=CheckIn.from_row)]


async def count_check_ins(db: Database, ids: list[str]) -> list[int]:
    rows = await db.read("checkins/count_check_ins", ids=ids)
    totals = {row["key"]: int(row["total"]) for row in rows}
    return [totals.get(id, 0) for id in ids]


async def get_check_ins(db: Database, ids: list[str]) -> list[CheckIn | None]:
    """Return the check-ins with these ids, None where missing (or of another organisation), in order."""
    rows = await db.read("checkins/get_check_ins", ids=ids)
    return by_id(rows, ids, column="checkIn", build=CheckIn.from_row)
