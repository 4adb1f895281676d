"""Write a plan's diff inside one transaction: batched UNWIND queries (cypher/plans/), in an order where every
end of a link already exists, then history and new currents through the push path, then progress.

New objectives and key results are created (plans/create_*), not merged: they have no old edges to remove. A
key result's new `current` becomes a measurement observed at import time (source "plan:current"), as
`updateKeyResult` and `createKeyResult` record theirs; a new key result's first one is written with it, the
rest go through the push path. History keeps its own times. Objectives the plan archives are archived last,
so their history is written first (a push refuses an archived objective's KR).
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
from graph.planning import alignment_state, coverage_state, dependency_loops, rules
from graph.planning.key_results import checked_fields
from graph.plans.diff import Diff
from graph.plans.keys import check_in_value_key
from graph.plans.models import CheckInItem, ObjectiveItem, Plan, RetrospectiveItem
from graph.plans.stored import Stored

BATCH = 5000
# The source of a measurement made from a key result's `current` (export leaves out the one that is current).
SOURCE = "plan:current"
Progress = Callable[[str, int, int], None]  # (step, rows written so far, rows to write in all)


class _Writer:
    """Runs the batched queries of one apply inside its transaction and tells `progress` how far it is."""

    def __init__(self, tx: Tx, total: int, progress: Progress | None) -> None:
        self.tx, self.total, self.done, self.progress = tx, total, 0, progress

    def advance(self, step: str, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(step, self.done, self.total)

    async def batched(self, name: str, rows: list[dict[str, Any]], **params: Any) -> None:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            await self.tx.run(name, rows=batch, **params)
            self.advance(name, len(batch))


def _rows(items: list[Any], **extra: Any) -> list[dict[str, Any]]:
    return [{**item.model_dump(by_alias=True, mode="json"), **extra} for item in items]


def _total(diff: Diff) -> int:
    """How many rows apply_diff writes: every item the diff writes, history values and currents included."""
    w = diff.write
    listed = ("organisation", "teams", "cycles", "priorities", "objectives", "initiatives", "contributions")
    total = sum(len(w[kind]) for kind in (*listed, "supports", "dependencies", "advances", "measurements"))
    total += len(diff.key_results) + len(diff.remove) + len(diff.currents) + len(diff.archive)
    total += sum(1 + len(c.values) for _, c in w["checkIns"]) + len(w["retrospectives"])
    return total


async def apply_diff(
    tx: Tx, plan: Plan, stored: Stored, diff: Diff, *, now: dt.datetime, progress: Progress | None = None
) -> None:
    """Write what the diff creates, updates, archives and removes; nothing else."""
    w, out = diff.write, _Writer(tx, _total(diff), progress)
    org = plan.organisation.id
    await out.batched("plans/merge_organisation", _rows(w["organisation"]))
    await out.batched("plans/merge_teams", _rows(w["teams"], organisationId=org))
    await out.batched("plans/merge_cycles", _rows(w["cycles"], organisationId=org))
    await out.batched("plans/merge_priorities", _rows(w["priorities"]))
    archived_later, objectives = _objectives(w["objectives"], stored)
    await out.batched("plans/create_objectives", objectives["create"])
    await out.batched("plans/merge_objectives", objectives["update"])
    key_results, pushed = _key_results(diff, stored, now)
    await out.batched("plans/create_key_results", key_results["create"], receivedAt=now)
    out.advance("plans/create_key_results", len(diff.currents) - len(pushed))  # their first measurements
    await out.batched("plans/merge_key_results", key_results["update"])
    await out.batched("plans/merge_initiatives", _rows(w["initiatives"], advances=None, organisationId=org))
    await out.batched("plans/merge_contributions", _rows(w["contributions"]))
    await out.batched("plans/merge_supports", _rows(w["supports"]))
    await out.batched("plans/merge_dependencies", _rows(w["dependencies"]))
    await dependency_loops.record(tx, [(d.from_id, d.to_id) for d in w["dependencies"]])
    advances = [{"initiativeId": a.objective_id, "keyResultId": a.priority_id} for a in w["advances"]]
    await out.batched("plans/merge_advances", advances)
    await out.batched("plans/remove_links", diff.remove)
    cycle_of = {o.id: o.cycle_id for o in [*stored.objectives.values(), *plan.objectives]}
    await _history(out, diff, cycle_of, now)
    currents = [
        PushedValue(value=value, observed_at=now, source=SOURCE, key_result_id=kr) for kr, value in pushed
    ]
    await _push(out, currents, now)
    if diff.archive or archived_later:
        await tx.run("plans/archive_objectives", ids=[*diff.archive, *archived_later])
        out.advance("plans/archive_objectives", len(diff.archive))
    # Coverage rows count objectives by owner: a changed owner leaves its old team's rows to recount too, and a
    # new or moved team or a new cycle changes which rows there are (graph/planning/coverage_state.py).
    before = {stored.objectives[o.id].owner_id for o in w["objectives"] if o.id in stored.objectives}
    await alignment_state.refresh(tx, _realigned(diff), teams=before)
    if w["teams"] or w["cycles"]:
        await coverage_state.write_all(tx, org)
    # Loop candidates are teams: an objective that changes owner moves its dependencies between teams.
    if any(
        o.owner_id != stored.objectives[o.id].owner_id for o in w["objectives"] if o.id in stored.objectives
    ):
        await dependency_loops.rebuild(tx, org)


def _realigned(diff: Diff) -> set[str]:
    """The objectives whose alignment the diff can change (refreshed with all below them)."""
    w = diff.write
    ids = {o.id for o in w["objectives"]} | set(diff.archive)
    ids.update(c.child_id for c in w["contributions"])
    ids.update(s.objective_id for s in w["supports"])
    ids.update(r["fromId"] for r in diff.remove if r["type"] in ("contributions", "supports"))
    return ids


def _objectives(
    items: list[ObjectiveItem], stored: Stored
) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The objectives' rows, new ones apart (they are created, not merged), and those archived at the end."""
    archived_later: list[str] = []
    rows: dict[str, list[dict[str, Any]]] = {"create": [], "update": []}
    for objective in items:
        row = objective.model_dump(by_alias=True, mode="json", exclude={"key_results"})
        before = stored.objectives.get(objective.id)
        if objective.confidence is None and before is not None:
            row["confidence"] = before.confidence
        if objective.status is ObjectiveStatus.ARCHIVED and (
            before is None or before.status != objective.status
        ):
            archived_later.append(objective.id)
            row["status"] = before.status.value if before is not None else ObjectiveStatus.ACTIVE.value
        rows["create" if before is None else "update"].append(row)
    return archived_later, rows


def _key_results(
    diff: Diff, stored: Stored, now: dt.datetime
) -> tuple[dict[str, list[dict[str, Any]]], list[tuple[str, float]]]:
    """The key results' rows, new ones apart, and the currents left to the push path.

    A new key result's current is its first measurement, written with it (plans/create_key_results) unless
    this import's history writes values for it too (then, or for a stored key result, the push path orders
    them) or its objective is archived already (the push path refuses that, as it would a live push)."""
    with_history = {m.key_result_id for _, m in diff.write["measurements"]}
    with_history.update(v.key_result_id for _, c in diff.write["checkIns"] for v in c.values)
    currents = dict(diff.currents)
    rows: dict[str, list[dict[str, Any]]] = {"create": [], "update": []}
    first: set[str] = set()
    observed = now.astimezone(dt.UTC).isoformat()
    for objective_id, kr in diff.key_results:
        # Progress with the current it will have; a new current or history moves it again through the push path.
        held = stored.key_results.get(kr.id)
        current = kr.current if kr.current is not None else (held[1].current if held else None)
        props = checked_fields(kr if current == kr.current else kr.model_copy(update={"current": current}))
        del props["current"]
        row = {"id": kr.id, "objectiveId": objective_id, **props}
        if held is None:
            owner = stored.objectives.get(objective_id)
            archived = owner is not None and owner.status is ObjectiveStatus.ARCHIVED
            value = currents.get(kr.id)
            if value is not None and kr.id not in with_history and not archived:
                first.add(kr.id)
                row["first"] = {"id": str(uuid.uuid4()), "value": float(value), "observedAt": observed}
                row["first"]["source"] = SOURCE
            else:
                row["first"] = None
        rows["create" if held is None else "update"].append(row)
    return rows, [(kr, value) for kr, value in diff.currents if kr not in first]


async def _push(out: _Writer, values: list[PushedValue], now: dt.datetime) -> list[str]:
    """Record values through the push path, in chunks; return their measurement ids, in order."""
    ids: list[str] = []
    for start in range(0, len(values), MAX_VALUES):
        chunk = values[start : start + MAX_VALUES]
        for result in await measurements.push_in_tx(out.tx, chunk, now):
            if result.status is PushStatus.REJECTED:
                raise ConflictError(result.message or "a value was refused", field="history")
            ids.append(result.measurement_id or "")
        out.advance("measurements", len(chunk))
    return ids


async def _history(out: _Writer, diff: Diff, cycle_of: dict[str, str], now: dt.datetime) -> None:
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
    ids = await _push(out, values, now)
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
    await out.batched("plans/create_check_ins", rows)
    retros: list[tuple[str, RetrospectiveItem]] = diff.write["retrospectives"]
    retro_rows = [_retrospective(key, r, cycle_of) for key, r in retros]
    await out.batched("plans/create_retrospectives", retro_rows)


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
