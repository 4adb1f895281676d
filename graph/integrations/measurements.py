"""Measurements: values that integrations push for key results, kept as each KR's history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError
from graph.core.models import Direction, KeyResultKind
from graph.core.progress import key_result_progress
from graph.integrations.events import UpdateCause, record_change
from graph.integrations.push_checks import (
    MAX_VALUES,
    ItemResult,
    PushedValue,
    PushReason,
    PushStatus,
    check_value,
    reject,
)
from graph.planning import frozen

# Every query of a push takes all of its (at most MAX_VALUES) items in one UNWIND and answers with one row of
# lists: the driver costs about 30 us per record, and converting a datetime either way costs even more, so
# times travel as ISO text. docs/BENCHMARKS.md ("Pushing key-result values") has the measurements.


@dataclass(frozen=True)
class _Measured:
    """What a key result's progress is computed from (graph.core.progress.Measured), read under its lock."""

    kind: KeyResultKind
    direction: Direction | None
    baseline: float | None
    target: float | None
    done: bool
    current: float | None = None

    @classmethod
    def from_list(cls, row: list[Any]) -> _Measured:
        _, kind, direction, baseline, target, done = row
        direction = Direction(direction) if direction else None
        return cls(KeyResultKind(kind), direction, baseline, target, bool(done))

    def progress(self, current: float | None) -> float | None:
        """The progress with this current (the constructor is quicker than dataclasses.replace)."""
        return key_result_progress(
            _Measured(self.kind, self.direction, self.baseline, self.target, self.done, current)
        )


Found = tuple[str, bool, frozenset[str]]  # keyResultId, whether its objective is archived, owner unit ids


@dataclass(frozen=True)
class _Locked:
    """The key results a push names, locked: how each reference resolves, and their progress fields."""

    found: dict[tuple[str, str], Found]  # ("id", id) and ("key", externalKey) of every KR found
    measured: dict[str, _Measured]


async def _lock(tx: Tx, valid: list[tuple[int, PushedValue]], *, with_units: bool) -> _Locked:
    """Find and lock (in id order) every KR the values name, then read what the push needs under the locks."""
    ids = list({v.key_result_id for _, v in valid if v.key_result_id is not None})
    external_keys = list({v.external_key for _, v in valid if v.external_key is not None})
    row = await tx.one(
        "measurements/lock_key_results", ids=ids, externalKeys=external_keys, withUnits=with_units
    )
    if row is None:
        return _Locked({}, {})
    archived = set(row["archived"])
    units = {kr: frozenset(unit_ids) for kr, unit_ids in row["ownerUnitIds"]}
    measured = {kr[0]: _Measured.from_list(kr) for kr in row["keyResults"]}
    found: dict[tuple[str, str], Found] = {
        ("id", kr): (kr, kr in archived, units.get(kr, frozenset())) for kr in measured
    }
    for key, kr in row["externalKeys"]:
        found[("key", key)] = found[("id", kr)]
    return _Locked(found, measured)


async def _stored(tx: Tx, keys: list[str]) -> dict[str, tuple[str, str]]:
    """Map the idempotency keys already stored to (keyResultId, measurementId)."""
    row = await tx.one("measurements/find_idempotency_keys", keys=keys) if keys else None
    return {key: (kr, measurement) for key, measurement, kr in row["stored"]} if row else {}


async def _record(
    tx: Tx,
    rows: dict[str, list[dict[str, Any]]],
    latest: dict[str, tuple[dt.datetime, float, str]],
    measured: dict[str, _Measured],
    received: dt.datetime,
) -> None:
    """Write the measurements (`rows` per KR) and move current: straight to the KR's latest new value where
    that is newer than its lastObservedAt; otherwise to the later of it and the current measurement (then
    progress here). cypher/measurements/record_measurements.cypher has the rule."""
    if not rows:
        return
    key_results = [
        {
            "keyResultId": kr,
            "measurementId": measurement_id,
            "value": value,
            "observedAt": observed.isoformat(),
            "progress": measured[kr].progress(value),
            "rows": rows[kr],
        }
        for kr, (observed, value, measurement_id) in latest.items()
    ]
    row = await tx.one("measurements/record_measurements", keyResults=key_results, receivedAt=received)
    recomputed = row["recomputed"] if row else []
    if recomputed:
        progress = [{"id": kr, "progress": measured[kr].progress(current)} for kr, current in recomputed]
        await tx.run("measurements/set_progress", rows=progress)


async def _push(
    tx: Tx, valid: list[tuple[int, PushedValue]], received: dt.datetime, allowed: frozenset[str] = frozenset()
) -> list[ItemResult]:
    """Write the valid values in one transaction; safe to rerun (nothing of a failed attempt is kept)."""
    # Lock every KR named, in id order, before reading keys or history: concurrent pushes serialise here.
    locked = await _lock(tx, valid, with_units=bool(allowed))
    found = locked.found
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
        elif hit[1]:
            message = f"values[{index}]: key result {hit[0]!r} belongs to an archived objective"
            results.append(
                replace(reject(index, PushReason.ARCHIVED_KEY_RESULT, message), key_result_id=hit[0])
            )
        elif allowed and not allowed & hit[2]:
            message = f"values[{index}]: this token may not push to key result {hit[0]!r} (another team's)"
            results.append(replace(reject(index, PushReason.FORBIDDEN, message), key_result_id=hit[0]))
        else:
            targets.append((index, item, hit[0]))
    kr_ids = sorted({kr for _, _, kr in targets})
    stored = await _stored(
        tx, list({i.idempotency_key for _, i, _ in targets if i.idempotency_key is not None})
    )
    rows: dict[str, list[dict[str, Any]]] = {}  # per KR, the measurements to write
    latest: dict[str, tuple[dt.datetime, float, str]] = {}  # per KR, its latest new (observedAt, value, id)
    closed = await frozen.closed_key_results(tx, kr_ids)
    for index, item, kr in targets:
        key = item.idempotency_key
        if key is not None and key in stored and stored[key][0] != kr:
            # Never answer with the other KR's ids: a team-restricted token must not learn about it.
            message = f"values[{index}].idempotencyKey {key!r} was already used for another key result"
            results.append(
                replace(reject(index, PushReason.IDEMPOTENCY_KEY_REUSED, message), key_result_id=kr)
            )
            continue
        if key is not None and key in stored:
            previous_kr, previous_id = stored[key]
            message = f"values[{index}].idempotencyKey {key!r} was already pushed"
            results.append(
                ItemResult(
                    index=index,
                    status=PushStatus.DUPLICATE,
                    reason=PushReason.DUPLICATE_IDEMPOTENCY_KEY,
                    message=message,
                    key_result_id=previous_kr,
                    measurement_id=previous_id,
                )
            )
            continue
        if kr in closed:
            message = f"values[{index}]: key result {kr!r} is in closed cycle {closed[kr]!r}"
            results.append(replace(reject(index, PushReason.CYCLE_CLOSED, message), key_result_id=kr))
            continue
        measurement_id = str(uuid.uuid4())
        if key is not None:
            stored[key] = (kr, measurement_id)
        observed = item.observed_at.astimezone(dt.UTC)
        rows.setdefault(kr, []).append(
            {
                "id": measurement_id,
                "value": float(item.value),
                "observedAt": observed.isoformat(),
                # receivedAt is received + index microseconds, so a later item of the same call wins a tie.
                "index": index,
                "source": item.source.strip(),
                "idempotencyKey": key,
            }
        )
        if kr not in latest or observed >= latest[kr][0]:  # items come in index order: a later one wins a tie
            latest[kr] = (observed, float(item.value), measurement_id)
        results.append(
            ItemResult(
                index=index, status=PushStatus.ACCEPTED, key_result_id=kr, measurement_id=measurement_id
            )
        )
    await _record(tx, rows, latest, locked.measured, received)
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
            written = await _push(tx, valid, received, frozenset(allowed_team_ids))
            accepted = (r.key_result_id for r in written if r.status is PushStatus.ACCEPTED)
            await record_change(tx, accepted, UpdateCause.PUSH)
            return written

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
