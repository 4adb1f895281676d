"""Write a plan's diff inside one transaction: batched UNWIND queries (cypher/plans/), in an order where every
end of a link already exists, then history and new currents through the push path, then progress.

A key result's new `current` becomes a measurement observed at import time (source "plan"), as
`updateKeyResult` and `createKeyResult` record theirs; history keeps its own times. Objectives the plan
archives are archived last, so their history is written first (a push refuses an archived objective's KR).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from graph.core.db import Tx
from graph.core.errors import ConflictError
from graph.core.models import ObjectiveStatus
from graph.integrations import measurements
from graph.integrations.push_checks import MAX_VALUES, PushedValue, PushStatus
from graph.planning import alignment_state, rules
from graph.planning.key_results import checked_fields
from graph.plans.diff import Diff
from graph.plans.keys import check_in_value_key
from graph.plans.models import CheckInItem, Plan, RetrospectiveItem
from graph.plans.stored import Stored

BATCH = 5000
# The source of a measurement made from a key result's `current` (export leaves out the one that is current).
SOURCE = "plan:current"
Progress = Callable[[str, int], None]  # (step, rows written)


async def _batched(tx: Tx, name: str, rows: list[dict[str, Any]], progress: Progress | None) -> None:
    for start in range(0, len(rows), BATCH):
        await tx.run(name, rows=rows[start : start + BATCH])
        if progress is not None:
            progress(name, len(rows[start : start + BATCH]))


def _rows(items: list[Any], **extra: Any) -> list[dict[str, Any]]:
    return [{**item.model_dump(by_alias=True, mode="json"), **extra} for item in items]


async def apply_diff(
    tx: Tx, plan: Plan, stored: Stored, diff: Diff, *, now: dt.datetime, progress: Progress | None = None
) -> None:
    """Write what the diff creates, updates, archives and removes; nothing else."""
    w = diff.write
    await _batched(tx, "plans/merge_organisation", _rows(w["organisation"]), progress)
    await _batched(tx, "plans/merge_teams", _rows(w["teams"], organisationId=plan.organisation.id), progress)
    await _batched(
        tx, "plans/merge_cycles", _rows(w["cycles"], organisationId=plan.organisation.id), progress
    )
    await _batched(tx, "plans/merge_priorities", _rows(w["priorities"]), progress)
    archived_later: list[str] = []
    objectives = []
    for objective in w["objectives"]:
        row = objective.model_dump(by_alias=True, mode="json", exclude={"key_results"})
        before = stored.objectives.get(objective.id)
        if objective.confidence is None and before is not None:
            row["confidence"] = before.confidence
        if objective.status is ObjectiveStatus.ARCHIVED and (
            before is None or before.status != objective.status
        ):
            archived_later.append(objective.id)
            row["status"] = before.status.value if before is not None else ObjectiveStatus.ACTIVE.value
        objectives.append(row)
    await _batched(tx, "plans/merge_objectives", objectives, progress)
    key_results = []
    for objective_id, kr in diff.key_results:
        # Progress with the current it will have; a new current or history moves it again through the push path.
        held = stored.key_results.get(kr.id)
        current = kr.current if kr.current is not None else (held[1].current if held else None)
        props = checked_fields(kr if current == kr.current else kr.model_copy(update={"current": current}))
        del props["current"]
        key_results.append({"id": kr.id, "objectiveId": objective_id, **props})
    await _batched(tx, "plans/merge_key_results", key_results, progress)
    await _batched(
        tx,
        "plans/merge_initiatives",
        _rows(w["initiatives"], advances=None, organisationId=plan.organisation.id),
        progress,
    )
    await _batched(tx, "plans/merge_contributions", _rows(w["contributions"]), progress)
    await _batched(tx, "plans/merge_supports", _rows(w["supports"]), progress)
    await _batched(tx, "plans/merge_dependencies", _rows(w["dependencies"]), progress)
    advances = [{"initiativeId": a.objective_id, "keyResultId": a.priority_id} for a in w["advances"]]
    await _batched(tx, "plans/merge_advances", advances, progress)
    await _batched(tx, "plans/remove_links", diff.remove, progress)
    cycle_of = {o.id: o.cycle_id for o in [*stored.objectives.values(), *plan.objectives]}
    await _history(tx, diff, cycle_of, now, progress)
    currents = [
        PushedValue(value=value, observed_at=now, source=SOURCE, key_result_id=kr)
        for kr, value in diff.currents
    ]
    await _push(tx, currents, now)
    if diff.archive or archived_later:
        await tx.run("plans/archive_objectives", ids=[*diff.archive, *archived_later])
    await alignment_state.refresh(tx, _realigned(diff))


def _realigned(diff: Diff) -> set[str]:
    """The objectives whose alignment the diff can change (refreshed with all below them)."""
    w = diff.write
    ids = {o.id for o in w["objectives"]} | set(diff.archive)
    ids.update(c.child_id for c in w["contributions"])
    ids.update(s.objective_id for s in w["supports"])
    ids.update(r["fromId"] for r in diff.remove if r["type"] in ("contributions", "supports"))
    return ids


async def _push(tx: Tx, values: list[PushedValue], now: dt.datetime) -> list[str]:
    """Record values through the push path, in chunks; return their measurement ids, in order."""
    ids: list[str] = []
    for start in range(0, len(values), MAX_VALUES):
        chunk = values[start : start + MAX_VALUES]
        for result in await measurements.push_in_tx(tx, chunk, now):
            if result.status is PushStatus.REJECTED:
                raise ConflictError(result.message or "a value was refused", field="history")
            ids.append(result.measurement_id or "")
    return ids


async def _history(
    tx: Tx, diff: Diff, cycle_of: dict[str, str], now: dt.datetime, progress: Progress | None
) -> None:
    """Write the new measurements, check-ins (their values first) and retrospectives."""
    values = [
        PushedValue(
            value=m.value,
            observed_at=m.observed_at,
            source=m.source,
            key_result_id=m.key_result_id,
            idempotency_key=key,
        )
        for key, m in diff.write["measurements"]
    ]
    checkins: list[tuple[str, CheckInItem]] = diff.write["checkIns"]
    for key, check_in in checkins:
        values.extend(
            PushedValue(
                value=v.value,
                observed_at=v.observed_at or check_in.created_at,
                source="check-in",
                key_result_id=v.key_result_id,
                idempotency_key=check_in_value_key(key, v.key_result_id),
            )
            for v in check_in.values
        )
    ids = await _push(tx, values, now)
    if progress is not None and values:
        progress("measurements", len(values))
    offset = len(diff.write["measurements"])
    rows = []
    for key, check_in in checkins:
        recorded = ids[offset : offset + len(check_in.values)]
        offset += len(check_in.values)
        props = {
            "id": str(uuid.uuid4()),
            "confidence": check_in.confidence,
            "issues": check_in.issues,
            "plan": check_in.plan.strip(),
            "author": rules.name("author", check_in.author),
            "createdAt": check_in.created_at,
            "idempotencyKey": key,
        }
        rows.append({"objectiveId": check_in.objective_id, "checkIn": props, "measurementIds": recorded})
    await _batched(tx, "plans/create_check_ins", rows, progress)
    retros: list[tuple[str, RetrospectiveItem]] = diff.write["retrospectives"]
    retro_rows = [_retrospective(key, r, cycle_of) for key, r in retros]
    await _batched(tx, "plans/create_retrospectives", retro_rows, progress)


def _retrospective(key: str, r: RetrospectiveItem, cycle_of: dict[str, str]) -> dict[str, Any]:
    props = r.model_dump(include={"attractors", "detractors", "learnings", "surprises", "changes"})
    props.update(
        id=str(uuid.uuid4()),
        kind=r.kind.value,
        author=r.author.strip(),
        createdAt=r.created_at,
        idempotencyKey=key,
    )
    cycle = r.cycle_id or cycle_of.get(r.objective_id or "")
    return {"objectiveId": r.objective_id, "teamId": r.team_id, "cycleId": cycle, "retrospective": props}
