"""Measurements: values that integrations push for key results, kept as each KR's history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from graph import frozen
from graph.db import Database, Tx
from graph.errors import ConflictError, ValidationError
from graph.models import KeyResult
from graph.progress import key_result_progress
from graph.push_checks import MAX_VALUES, ItemResult, PushedValue, PushReason, PushStatus, check_value, reject

BATCH = 1_000


def _batches(items: list[Any]) -> list[list[Any]]:
    return [items[start : start + BATCH] for start in range(0, len(items), BATCH)]


async def _run_batched(tx: Tx, name: str, param: str, items: list[Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for batch in _batches(items):
        rows.extend(await tx.run(name, **{param: batch}))
    return rows


Found = tuple[str, str, frozenset[str]]


async def _resolve(tx: Tx, valid: list[tuple[int, PushedValue]]) -> dict[tuple[str, str], Found]:
    """Map ("id", id) and ("key", externalKey) to (keyResultId, objectiveStatus, ownerUnitIds) for found KRs."""
    ids = sorted({v.key_result_id for _, v in valid if v.key_result_id is not None})
    keys = sorted({v.external_key for _, v in valid if v.external_key is not None})
    found: dict[tuple[str, str], Found] = {}
    for start in range(0, max(len(ids), len(keys)), BATCH):
        rows = await tx.run(
            "measurements/resolve_key_results",
            ids=ids[start : start + BATCH],
            externalKeys=keys[start : start + BATCH],
        )
        for row in rows:
            hit = (row["keyResultId"], row["objectiveStatus"], frozenset(row["ownerUnitIds"]))
            found[("id", row["keyResultId"])] = hit
            if row["externalKey"] is not None:
                found[("key", row["externalKey"])] = hit
    return found


async def _push(
    tx: Tx, valid: list[tuple[int, PushedValue]], received: dt.datetime, allowed: frozenset[str] = frozenset()
) -> list[ItemResult]:
    """Write the valid values in one transaction; safe to rerun (nothing of a failed attempt is kept)."""
    found = await _resolve(tx, valid)
    results: list[ItemResult] = []
    targets: list[tuple[int, PushedValue, str]] = []
    for index, item in valid:
        ref = (
            ("id", item.key_result_id) if item.key_result_id is not None else ("key", item.external_key or "")
        )
        hit = found.get(ref)
        if hit is None:
            field, name = ("keyResultId", ref[1]) if ref[0] == "id" else ("externalKey", ref[1])
            message = f"values[{index}].{field} {name!r} names no key result"
            results.append(reject(index, PushReason.UNKNOWN_KEY_RESULT, message))
        elif hit[1] == "ARCHIVED":
            message = f"values[{index}]: key result {hit[0]!r} belongs to an archived objective"
            results.append(
                replace(reject(index, PushReason.ARCHIVED_KEY_RESULT, message), key_result_id=hit[0])
            )
        elif allowed and not allowed & hit[2]:
            message = f"values[{index}]: this token may not push to key result {hit[0]!r} (another team's)"
            results.append(replace(reject(index, PushReason.FORBIDDEN, message), key_result_id=hit[0]))
        else:
            targets.append((index, item, hit[0]))
    # Lock every affected KR, in id order, before reading keys or history: concurrent pushes serialise here.
    kr_ids = sorted({kr for _, _, kr in targets})
    await _run_batched(tx, "measurements/lock_key_results", "ids", kr_ids)
    keys = sorted({item.idempotency_key for _, item, _ in targets if item.idempotency_key is not None})
    stored = {
        row["idempotencyKey"]: row
        for row in await _run_batched(tx, "measurements/find_idempotency_keys", "keys", keys)
    }
    rows: list[dict[str, Any]] = []
    closed = await frozen.closed_key_results(tx, kr_ids)
    for index, item, kr in targets:
        key = item.idempotency_key
        if key is not None and key in stored:
            previous = stored[key]
            results.append(
                ItemResult(
                    index=index,
                    status=PushStatus.DUPLICATE,
                    reason=PushReason.DUPLICATE_IDEMPOTENCY_KEY,
                    message=f"values[{index}].idempotencyKey {key!r} was already pushed",
                    key_result_id=previous["keyResultId"],
                    measurement_id=previous["measurementId"],
                )
            )
            continue
        if kr in closed:
            message = f"values[{index}]: key result {kr!r} is in closed cycle {closed[kr]!r}"
            results.append(replace(reject(index, PushReason.CYCLE_CLOSED, message), key_result_id=kr))
            continue
        measurement_id = str(uuid.uuid4())
        if key is not None:
            stored[key] = {"keyResultId": kr, "measurementId": measurement_id}
        rows.append(
            {
                "id": measurement_id,
                "keyResultId": kr,
                "value": float(item.value),
                "observedAt": item.observed_at.astimezone(dt.UTC),
                # A microsecond apart in input order, so a later item of the same call wins a tie.
                "receivedAt": received + dt.timedelta(microseconds=index),
                "source": item.source.strip(),
                "idempotencyKey": key,
            }
        )
        results.append(
            ItemResult(
                index=index, status=PushStatus.ACCEPTED, key_result_id=kr, measurement_id=measurement_id
            )
        )
    await _run_batched(tx, "measurements/create_measurements", "rows", rows)
    changed = sorted({row["keyResultId"] for row in rows})
    updated = await _run_batched(tx, "measurements/recompute_current", "ids", changed)
    progress = [
        {"id": row["keyResult"]["id"], "progress": key_result_progress(KeyResult.from_row(row["keyResult"]))}
        for row in updated
    ]
    await _run_batched(tx, "measurements/set_progress", "rows", progress)
    return results


async def push_values(
    db: Database,
    values: list[PushedValue],
    *,
    now: dt.datetime | None = None,
    allowed_team_ids: Collection[str] = (),
) -> list[ItemResult]:
    """Record pushed values; return one result per value, in input order. Bad items never sink the batch.

    `allowed_team_ids` (teams or units) restricts the push to KRs owned by those teams or teams beneath them;
    empty means any team. A value for another team's KR is REJECTED with reason FORBIDDEN.
    """
    if len(values) > MAX_VALUES:
        raise ValidationError(
            f"values holds {len(values)} items; the limit is {MAX_VALUES} per call",
            field="values",
            value=len(values),
        )
    now = now or dt.datetime.now(dt.UTC)
    results: dict[int, ItemResult] = {}
    valid: list[tuple[int, PushedValue]] = []
    for index, item in enumerate(values):
        rejected = check_value(index, item, now)
        if rejected is None:
            valid.append((index, item))
        else:
            results[index] = rejected
    if valid:
        received = dt.datetime.now(dt.UTC)

        async def work(tx: Tx) -> list[ItemResult]:
            return await _push(tx, valid, received, frozenset(allowed_team_ids))

        try:
            written = await db.write(work)
        except ConflictError:
            # A concurrent push stored one of our idempotency keys first; the rerun sees it as a DUPLICATE.
            written = await db.write(work)
        results.update((item.index, item) for item in written)
    return [results[index] for index in range(len(values))]


async def push_in_tx(tx: Tx, values: list[PushedValue], received: dt.datetime) -> list[ItemResult]:
    """Write values that passed `check_value` inside the caller's transaction (check-ins record KR values so)."""
    return await _push(tx, list(enumerate(values)), received)
