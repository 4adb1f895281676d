"""A plan against the stored graph: per type, what import creates, updates, leaves unchanged and archives.

Only what is created or updated is written, so importing the same plan twice writes nothing the second time.
Objects the plan leaves out stay as they are, or with `prune` objectives are archived (never deleted) and the
organisation's links the plan leaves out are removed. History items are new when their content-derived key
(graph/plans/keys.py) is not stored yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from graph.core.models import ObjectiveStatus
from graph.plans.keys import check_in_key, measurement_key, retrospective_key
from graph.plans.models import (
    CheckInItem,
    Item,
    KeyResultItem,
    MeasurementItem,
    ObjectiveItem,
    Plan,
    RetrospectiveItem,
    SupportItem,
)
from graph.plans.stored import Stored
from graph.plans.validate import Checker

TYPES = (
    "organisation",
    "teams",
    "cycles",
    "priorities",
    "objectives",
    "keyResults",
    "initiatives",
    "contributions",
    "supports",
    "dependencies",
    "advances",
    "currents",
    "measurements",
    "checkIns",
    "retrospectives",
)
ACTIONS = ("create", "update", "unchanged", "archive", "remove")


@dataclass
class Diff:
    """What an import does, counted per type and action, and the items to write."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: {t: Counter() for t in TYPES})
    write: dict[str, list[Any]] = field(default_factory=lambda: {t: [] for t in TYPES})
    archive: list[str] = field(default_factory=list)  # objective ids
    remove: list[dict[str, str]] = field(default_factory=list)  # links: {type, fromId, toId}
    key_results: list[tuple[str, KeyResultItem]] = field(default_factory=list)  # (objective, KR) to write
    currents: list[tuple[str, float]] = field(default_factory=list)  # KR id, a new current (a measurement)

    @property
    def writes(self) -> int:
        """How many items import writes (0: the graph already holds the plan)."""
        return sum(self.counts[t][a] for t in TYPES for a in ("create", "update", "archive", "remove"))

    def note(self, kind: str, action: str, item: Any = None) -> None:
        self.counts[kind][action] += 1
        if item is not None and action in ("create", "update"):
            self.write[kind].append(item)


_FIELDS: dict[tuple[type[Item], tuple[str, ...]], Callable[[dict[str, Any]], Any]] = {}


def _same(a: Item, b: Item | None, *, leave: tuple[str, ...] = ()) -> bool:
    """Whether two items of one kind hold the same fields (but those in `leave`); enums equal their stored
    text. The fields are compared as one tuple each: a plan has some 200,000 items to compare."""
    if b is None:
        return False
    if not leave:
        return a.__dict__ == b.__dict__
    key = (type(a), leave)
    fields = _FIELDS.get(key)
    if fields is None:
        fields = _FIELDS[key] = itemgetter(*(k for k in type(a).model_fields if k not in leave))
    return bool(fields(a.__dict__) == fields(b.__dict__))


def _compare(diff: Diff, kind: str, item: Item, stored: Item | None, leave: tuple[str, ...] = ()) -> None:
    if stored is None:
        diff.note(kind, "create", item)
    elif _same(item, stored, leave=leave):
        diff.note(kind, "unchanged")
    else:
        diff.note(kind, "update", item)


def compute_diff(plan: Plan, stored: Stored, checker: Checker, *, prune: bool) -> Diff:
    """Compare the plan with what is stored; a change the closed-cycle guard refuses goes to `checker`."""
    diff = Diff()
    _compare(diff, "organisation", plan.organisation, stored.organisation)
    for team in plan.teams:
        _compare(diff, "teams", team, stored.teams.get(team.id))
    for cycle in plan.cycles:
        _compare(diff, "cycles", cycle, stored.cycles.get(cycle.id))
    for priority in plan.priorities:
        _compare(diff, "priorities", priority, stored.priorities.get(priority.id))
    for i, objective in enumerate(plan.objectives):
        _objective(diff, stored, checker, i, objective)
    planned_objectives = {o.id for o in plan.objectives}
    if prune:
        for objective in stored.objectives.values():
            if objective.id not in planned_objectives and objective.status is not ObjectiveStatus.ARCHIVED:
                diff.note("objectives", "archive")
                diff.archive.append(objective.id)
    for initiative in plan.initiatives:
        _compare(diff, "initiatives", initiative, stored.initiatives.get(initiative.id), ("advances",))
    _links(plan, stored, diff, prune=prune)
    if plan.history is not None:
        _history(plan, stored, diff)
        # A key result's current that its latest history value already gives is no measurement of its own.
        latest: dict[str, tuple[Any, float]] = {}
        values = [(m.key_result_id, m.observed_at, m.value) for m in plan.history.measurements]
        values += [
            (v.key_result_id, v.observed_at or c.created_at, v.value)
            for c in plan.history.check_ins
            for v in c.values
        ]
        for kr, at, value in values:
            if kr not in latest or at >= latest[kr][0]:
                latest[kr] = (at, value)
        kept = []
        for kr, value in diff.currents:
            if kr in latest and latest[kr][1] == value:
                diff.counts["currents"]["create" if kr not in stored.key_results else "update"] -= 1
            else:
                kept.append((kr, value))
        diff.currents = kept
    return diff


def _objective(diff: Diff, stored: Stored, checker: Checker, i: int, objective: ObjectiveItem) -> None:
    before = stored.objectives.get(objective.id)
    leave = ("key_results", "confidence") if objective.confidence is None else ("key_results",)
    kinds = diff.counts["objectives"]["update"], diff.counts["keyResults"]["update"]
    _compare(diff, "objectives", objective, before, leave)
    old_krs = {kr.id: kr for kr in before.key_results} if before else {}
    for kr in objective.key_results:
        old = old_krs.get(kr.id)
        if old is None:
            diff.note("keyResults", "create")
            diff.key_results.append((objective.id, kr))
            if kr.current is not None:
                diff.note("currents", "create")
                diff.currents.append((kr.id, kr.current))
            continue
        if _same(kr, old, leave=("current",)):
            diff.note("keyResults", "unchanged")
        else:
            diff.note("keyResults", "update")
            diff.key_results.append((objective.id, kr))
        if kr.current is not None and kr.current != old.current:
            diff.note("currents", "update")
            diff.currents.append((kr.id, kr.current))
    changed = (diff.counts["objectives"]["update"], diff.counts["keyResults"]["update"]) != kinds
    if before is not None and changed and before.cycle_id in stored.closed:
        message = (
            f"{objective.id!r} is in closed cycle {before.cycle_id!r}; a closed cycle's objectives are frozen"
        )
        checker.refuse(("objectives", i), "CONFLICT", message, "id")


def _edges(
    diff: Diff,
    kind: str,
    planned: dict[tuple[str, str], Item],
    stored: dict[tuple[str, str], Any],
    prune: bool,
) -> None:
    for key, item in planned.items():
        _compare(diff, kind, item, stored.get(key))
    if prune:
        for a, b in stored:
            if (a, b) not in planned:
                diff.note(kind, "remove")
                diff.remove.append({"type": kind, "fromId": a, "toId": b})


def _links(plan: Plan, stored: Stored, diff: Diff, *, prune: bool) -> None:
    contributions: dict[tuple[str, str], Item] = {(c.child_id, c.parent_id): c for c in plan.contributions}
    supports: dict[tuple[str, str], Item] = {(s.objective_id, s.priority_id): s for s in plan.supports}
    dependencies: dict[tuple[str, str], Item] = {(d.from_id, d.to_id): d for d in plan.dependencies}
    _edges(diff, "contributions", contributions, stored.contributions, prune)
    _edges(diff, "supports", supports, stored.supports, prune)
    _edges(diff, "dependencies", dependencies, stored.dependencies, prune)
    planned = {
        (i.id, kr): SupportItem(objective_id=i.id, priority_id=kr)
        for i in plan.initiatives
        for kr in i.advances
    }
    held = {(i.id, kr): True for i in stored.initiatives.values() for kr in i.advances}
    for key, item in planned.items():
        diff.note("advances", "unchanged" if key in held else "create", None if key in held else item)
    if prune:
        for a, b in held:
            if (a, b) not in planned:
                diff.note("advances", "remove")
                diff.remove.append({"type": "advances", "fromId": a, "toId": b})


def _history(plan: Plan, stored: Stored, diff: Diff) -> None:
    assert plan.history is not None
    held = set(stored.history_keys)
    held.update(measurement_key(m) for m in stored.history.measurements)
    held.update(check_in_key(c) for c in stored.history.check_ins)
    held.update(retrospective_key(r) for r in stored.history.retrospectives)
    items: list[tuple[str, list[MeasurementItem] | list[CheckInItem] | list[RetrospectiveItem], Any]] = [
        ("measurements", plan.history.measurements, measurement_key),
        ("checkIns", plan.history.check_ins, check_in_key),
        ("retrospectives", plan.history.retrospectives, retrospective_key),
    ]
    for kind, listed, key_of in items:
        for item in listed:
            key = key_of(item)
            diff.note(kind, "unchanged" if key in held else "create", None if key in held else (key, item))
