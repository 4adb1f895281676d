"""Closing a cycle (which freezes its objectives) and carrying unfinished objectives into a later cycle."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Cycle, Direction, KeyResult, KeyResultKind, Objective, ObjectiveStatus
from graph.core.progress import key_result_progress, objective_progress
from graph.planning import alignment_state, boundary, frozen

MOVEMENTS = (Direction.INCREASE, Direction.DECREASE)


async def close_cycle(db: Database, *, id: str, now: dt.datetime | None = None) -> Cycle:
    """Close a cycle; its objectives are frozen from then on. Closing it again changes nothing.

    A year closes only once its quarters are closed (CONFLICT otherwise), so nothing is frozen by surprise.
    """
    closed_at = now or dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> Cycle:
        row = await tx.one("cycles/close_cycle", id=id, closedAt=closed_at)
        if row is None:
            raise not_found("cycle", "cycleId", id)
        if row["openSubCycles"]:
            open_ids = ", ".join(sorted(row["openSubCycles"]))
            raise ConflictError(
                f"cycle {id!r} still has open sub-cycles ({open_ids}); close them first",
                field="cycleId",
                value=id,
            )
        return Cycle.from_row(row["cycle"])

    return await db.write(work)


def _copy_key_result(kr: KeyResult) -> dict[str, Any] | None:
    """The copy of an unfinished key result for the next cycle (baseline = last current), or None if done."""
    progress = key_result_progress(kr)
    if kr.kind is KeyResultKind.MILESTONE:
        if kr.done:
            return None
        baseline, current = None, None
    elif kr.direction in MOVEMENTS:
        if progress is not None and progress >= 1.0:
            return None
        baseline = kr.current if kr.current is not None else kr.baseline
        current = baseline
    else:  # a guard-rail keeps a level: it carries over as it is
        baseline, current = kr.baseline, kr.current
    copy = KeyResult(
        id=str(uuid.uuid4()),
        title=kr.title,
        kind=kr.kind,
        direction=kr.direction,
        unit=kr.unit,
        baseline=baseline,
        target=kr.target,
        current=current,
        done=False,
        weight=kr.weight,
        objective_id="",
    )
    return {
        "id": copy.id,
        "fromId": kr.id,
        "title": copy.title,
        "kind": copy.kind.value,
        "direction": copy.direction.value if copy.direction else None,
        "unit": copy.unit,
        "baseline": copy.baseline,
        "target": copy.target,
        "current": copy.current,
        "done": False,
        "weight": copy.weight,
        "progress": key_result_progress(copy),
    }


def _check_source(objective: Objective, key_results: list[KeyResult]) -> None:
    if objective.status in (ObjectiveStatus.ARCHIVED, ObjectiveStatus.COMPLETED):
        raise ConflictError(
            f"objective {objective.id!r} is {objective.status.value}; only unfinished objectives carry over",
            field="status",
            value=objective.status.value,
        )
    progress = objective_progress(key_results)
    if progress is not None and progress >= 1.0:
        raise ConflictError(
            f"objective {objective.id!r} has reached all its key results; only unfinished objectives carry over",
            field="progress",
            value=progress,
        )


def _check_target(
    objective_id: str, source: dict[str, Any], target: dict[str, Any] | None, to_id: str
) -> None:
    if target is None:
        raise not_found("cycle", "toCycleId", to_id)
    boundary.same_organisation(
        ("objectiveId", objective_id, source.get("organisationId")),
        ("toCycleId", to_id, target.get("organisationId")),
    )
    if target["kind"] != source["kind"]:
        raise ValidationError(
            f"objective {objective_id!r} is in a {source['kind']}; carry it into a {source['kind']}, "
            f"not the {target['kind']} {to_id!r}",
            field="toCycleId",
            value=to_id,
        )
    if target["startDate"] <= source["endDate"]:
        raise ValidationError(
            f"cycle {to_id!r} starts {target['startDate']}, not after cycle {source['id']!r} ends "
            f"({source['endDate']})",
            field="toCycleId",
            value=to_id,
        )


async def carry_over_objective(db: Database, *, objective_id: str, to_cycle_id: str) -> Objective:
    """Copy an unfinished objective and its unfinished KRs into a later cycle; a retry returns the same copy."""
    new_id = str(uuid.uuid4())

    async def work(tx: Tx) -> Objective:
        row = await tx.one("cycles/carry_over_source", objectiveId=objective_id, toCycleId=to_cycle_id)
        if row is None:
            raise not_found("objective", "objectiveId", objective_id)
        if row["copyId"] is not None:
            found = await tx.one("objectives/get_objectives", ids=[row["copyId"]])
            assert found is not None
            return Objective.from_row(found["objective"])
        original = Objective.from_row(row["objective"])
        key_results = [KeyResult.from_row(k) for k in row["keyResults"]]
        _check_source(original, key_results)
        _check_target(objective_id, row["fromCycle"], row["toCycle"], to_cycle_id)
        await frozen.ensure_open(tx, [to_cycle_id], field="toCycleId")
        copies = [c for c in (_copy_key_result(kr) for kr in sorted(key_results, key=lambda k: k.id)) if c]
        status = ObjectiveStatus.DRAFT if original.status is ObjectiveStatus.DRAFT else ObjectiveStatus.ACTIVE
        props = {
            "id": new_id,
            "title": original.title,
            "description": original.description,
            "tier": original.tier.value,
            "status": status.value,
            "rollup": original.rollup.value,
        }
        created = await tx.one(
            "cycles/carry_over_objective",
            objectiveId=objective_id,
            toCycleId=to_cycle_id,
            objective=props,
            keyResults=copies,
        )
        assert created is not None
        await alignment_state.refresh(tx, [new_id])
        return Objective.from_row(created["objective"])

    return await db.write(work)


async def carried_over_from(db: Database, ids: list[str]) -> list[Objective | None]:
    """The original each objective was carried over from (None where it was not), in the order of `ids`."""
    rows = await db.read("objectives/carried_over_from", ids=ids)
    found = {row["key"]: Objective.from_row(row["objective"]) for row in rows}
    return [found.get(id) for id in ids]
