"""Closed cycles freeze their objectives in a plan import as they do for the mutations (graph/planning/frozen.py).

A plan may list a closed cycle's objectives unchanged (an export lists them), but it may not change them:
their fields and key results (diff.py refuses those), new key results on them, a new `current` or history
value for their key results, a check-in on them, an objective moved into a closed cycle, or a link that
touches one (contributions, supports and dependencies at either end, advances at the key result). Each is a
CONFLICT at the plan item, and the plan writes nothing. Retrospectives stay allowed, as for the mutations;
`--prune` leaves a closed cycle's objectives and links alone (they are frozen) instead of refusing the plan.
"""

from __future__ import annotations

from typing import Any

from graph.plans.diff import Diff
from graph.plans.document import Path
from graph.plans.models import Plan
from graph.plans.stored import Stored
from graph.plans.validate import Checker

FROZEN = "a closed cycle's objectives are frozen"


def frozen_ids(stored: Stored) -> dict[str, str]:
    """Every stored objective and key result in a closed cycle, mapped to that cycle's id."""
    found: dict[str, str] = {}
    for objective in stored.objectives.values():
        if objective.cycle_id in stored.closed:
            found[objective.id] = objective.cycle_id
            found.update((kr.id, objective.cycle_id) for kr in objective.key_results)
    return found


def leave_frozen(diff: Diff, stored: Stored) -> None:
    """What `--prune` would archive or remove in a closed cycle stays as it is."""
    frozen = frozen_ids(stored)
    if not frozen:
        return
    kept = [id for id in diff.archive if id not in frozen]
    diff.counts["objectives"]["archive"] -= len(diff.archive) - len(kept)
    diff.archive = kept
    removed = []
    for link in diff.remove:
        if link["fromId"] in frozen or link["toId"] in frozen:
            diff.counts[link["type"]]["remove"] -= 1
        else:
            removed.append(link)
    diff.remove = removed


def check_closed(plan: Plan, stored: Stored, diff: Diff, checker: Checker) -> None:
    """Refuse every change the plan makes to a closed cycle (see the module's docstring)."""
    frozen = frozen_ids(stored)

    def refuse(at: Path, id: str, field: str) -> None:
        message = f"{id!r} is in closed cycle {frozen[id]!r}; {FROZEN}"
        checker.refuse(at, "CONFLICT", message, field)

    for i, objective in enumerate(plan.objectives):
        before = stored.objectives.get(objective.id)
        if (
            before is not None
            and objective.cycle_id != before.cycle_id
            and objective.cycle_id in stored.closed
        ):
            message = f"cycle {objective.cycle_id!r} is closed; {FROZEN}"
            checker.refuse(("objectives", i), "CONFLICT", message, "cycleId")
    if not frozen:
        return
    currents = {kr for kr, _ in diff.currents}
    for i, objective in enumerate(plan.objectives):
        if objective.id not in frozen:
            continue
        for j, kr in enumerate(objective.key_results):
            if kr.id not in stored.key_results:
                refuse(("objectives", i, "keyResults", j), objective.id, "id")
            elif kr.id in currents:
                refuse(("objectives", i, "keyResults", j), kr.id, "current")
    links: list[tuple[str, list[Any], str, str]] = [
        ("contributions", plan.contributions, "child_id", "parent_id"),
        ("supports", plan.supports, "objective_id", "objective_id"),
        ("dependencies", plan.dependencies, "from_id", "to_id"),
    ]
    for kind, items, one, other in links:
        written = {id(item) for item in diff.write[kind]}
        for i, item in enumerate(items):
            if id(item) in written:
                for field in dict.fromkeys((one, other)):
                    end = getattr(item, field)
                    if end in frozen:
                        refuse((kind, i), end, _camel(field))
    advances = {(a.objective_id, a.priority_id) for a in diff.write["advances"]}
    for i, initiative in enumerate(plan.initiatives):
        for j, kr_id in enumerate(initiative.advances):
            if kr_id in frozen and (initiative.id, kr_id) in advances:
                refuse(("initiatives", i, "advances", j), kr_id, "advances")
    if plan.history is not None:
        _history(plan, diff, frozen, refuse)


def _history(plan: Plan, diff: Diff, frozen: dict[str, str], refuse: Any) -> None:
    assert plan.history is not None
    new = {id(item) for _, item in diff.write["measurements"]}
    for i, m in enumerate(plan.history.measurements):
        if id(m) in new and m.key_result_id in frozen:
            refuse(("history", "measurements", i), m.key_result_id, "keyResultId")
    new = {id(item) for _, item in diff.write["checkIns"]}
    for i, check_in in enumerate(plan.history.check_ins):
        if id(check_in) in new and check_in.objective_id in frozen:
            refuse(("history", "checkIns", i), check_in.objective_id, "objectiveId")


def _camel(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)
