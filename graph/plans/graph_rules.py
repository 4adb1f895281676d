"""The rules over a plan's graph as a whole, on the plan laid over what is stored (`prune`: over nothing of
the organisation's links): references, the team tree, cycles within cycles, tiers, link rules and loops.

The single-edge rules are the mutations' own (teams.check_parent, cycles.check_within_parent and
check_contains, objectives.check_owner, links.check_contribution, check_support, check_dependency).
"""

from __future__ import annotations

from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Cycle, CycleKind, Team, Tier
from graph.planning import cycles, links, objectives, teams
from graph.planning.links import Alignable
from graph.plans.models import Plan
from graph.plans.stored import Stored
from graph.plans.validate import Checker


class View:
    """The plan over the stored graph: what each id will name after the import."""

    def __init__(self, plan: Plan, stored: Stored, *, prune: bool) -> None:
        org = plan.organisation.id
        self.teams = {
            t.id: Team(t.id, t.name, t.kind, org, t.parent_id) for t in [*stored.teams.values(), *plan.teams]
        }
        self.cycles = {
            c.id: Cycle(c.id, c.name, c.kind, c.start_date, c.end_date, c.parent_id)
            for c in [*stored.cycles.values(), *plan.cycles]
        }
        self.priorities = {p.id: p for p in [*stored.priorities.values(), *plan.priorities]}
        self.objectives = {o.id: o for o in [*stored.objectives.values(), *plan.objectives]}
        planned_ids = {o.id for o in plan.objectives}
        self.alignables: dict[str, Alignable] = {}
        self.key_results_of: dict[str, set[str]] = {}
        for objective in self.objectives.values():
            cycle = self.cycles.get(objective.cycle_id)
            if cycle is None:
                continue
            ends = (objective.tier, objective.owner_id, objective.cycle_id, cycle.start_date, cycle.end_date)
            self.alignables[objective.id] = Alignable(objective.id, "Objective", objective.id, *ends)
            held = stored.objectives.get(objective.id)
            krs = {kr.id for kr in held.key_results} if held is not None else set()
            if objective.id in planned_ids:
                krs.update(kr.id for kr in objective.key_results)
            self.key_results_of[objective.id] = krs
            for kr_id in krs:  # a key result both stored and planned is one end
                self.alignables[kr_id] = Alignable(kr_id, "KeyResult", objective.id, *ends)
        kept = {} if prune else stored.contributions
        self.parents: dict[str, set[str]] = {}
        for child, parent in [*kept, *((c.child_id, c.parent_id) for c in plan.contributions)]:
            end = self.alignables.get(parent)
            if end is not None:
                self.parents.setdefault(child, set()).add(end.objective_id)

    def ancestry(self, team_id: str) -> list[str]:
        """The team and the units above it, nearest first (stopping at a loop)."""
        found: list[str] = []
        current: str | None = team_id
        while current is not None and current not in found and current in self.teams:
            found.append(current)
            current = self.teams[current].parent_id
        return found


def check_graph(plan: Plan, stored: Stored, checker: Checker, *, prune: bool) -> View:
    """Every rule that looks beyond one item; problems go to `checker`."""
    view, c = View(plan, stored, prune=prune), checker
    for id, holder in stored.foreign.items():
        c.refuse(_where(plan, id), "CONFLICT", f"{id!r} is already a {holder}", "id")
    for i, team in enumerate(plan.teams):
        if team.parent_id is None:
            continue
        parent = view.teams.get(team.parent_id)
        if parent is None:
            c.fail(("teams", i), not_found("team", "parentId", team.parent_id))
            continue
        c.rule(("teams", i), teams.check_parent, team.kind, parent, plan.organisation.id)
        if team.id in view.ancestry(team.parent_id):
            message = f"{team.id!r} under {team.parent_id!r} would put the team inside itself"
            c.fail(("teams", i), ValidationError(message, field="parentId", value=team.parent_id))
    for i, cycle in enumerate(plan.cycles):
        here = view.cycles[cycle.id]
        subs = [sub for sub in view.cycles.values() if sub.parent_id == cycle.id]
        c.rule(("cycles", i), cycles.check_contains, cycle.start_date, cycle.end_date, subs)
        if cycle.parent_id is None:
            continue
        year = view.cycles.get(cycle.parent_id)
        if year is None:
            c.fail(("cycles", i), not_found("cycle", "parentId", cycle.parent_id))
        elif year.kind is not CycleKind.YEAR:
            message = f"a {here.kind.value} must sit within a YEAR, but {year.id!r} is a {year.kind.value}"
            c.fail(("cycles", i), ValidationError(message, field="parentId", value=year.id))
        else:
            c.rule(("cycles", i), cycles.check_within_parent, cycle.start_date, cycle.end_date, year)
    for i, priority in enumerate(plan.priorities):
        found = view.cycles.get(priority.cycle_id)
        if found is None:
            c.fail(("priorities", i), not_found("cycle", "cycleId", priority.cycle_id))
        elif found.kind is not CycleKind.YEAR:
            message = f"a priority belongs to a YEAR cycle, but {found.id!r} is a {found.kind.value}"
            c.fail(("priorities", i), ValidationError(message, field="cycleId", value=found.id))
    for i, objective in enumerate(plan.objectives):
        unit = view.teams.get(objective.owner_id)
        if unit is None:
            c.fail(("objectives", i), not_found("team", "ownerId", objective.owner_id))
        else:
            c.rule(("objectives", i), objectives.check_owner, objective.tier, unit.kind, unit.id)
        if objective.cycle_id not in view.cycles:
            c.fail(("objectives", i), not_found("cycle", "cycleId", objective.cycle_id))
        elif objective.cycle_id in stored.closed and objective.id not in stored.objectives:
            message = f"cycle {objective.cycle_id!r} is closed; a closed cycle's objectives are frozen"
            c.fail(("objectives", i), ConflictError(message, field="cycleId", value=objective.cycle_id))
    _links(plan, view, c)
    _loops(plan, view, c)
    _history(plan, view, c)
    return view


def _where(plan: Plan, id: str) -> tuple[object, ...]:
    for i, team in enumerate(plan.teams):
        if team.id == id:
            return ("teams", i)
    ids = {
        "cycles": [c.id for c in plan.cycles],
        "priorities": [p.id for p in plan.priorities],
        "initiatives": [i.id for i in plan.initiatives],
    }
    for kind, found in ids.items():
        if id in found:
            return (kind, found.index(id))
    for i, objective in enumerate(plan.objectives):
        if objective.id == id:
            return ("objectives", i)
        for j, kr in enumerate(objective.key_results):
            if kr.id == id:
                return ("objectives", i, "keyResults", j)
    return ("organisation",) if id == plan.organisation.id else ()


def _end(view: View, c: Checker, at: tuple[object, ...], field: str, id: str) -> Alignable | None:
    found = view.alignables.get(id)
    if found is None:
        c.fail(at, not_found("objective or key result", field, id))
    return found


def _links(plan: Plan, view: View, c: Checker) -> None:
    for i, link in enumerate(plan.contributions):
        at = ("contributions", i)
        child, parent = (
            _end(view, c, at, "childId", link.child_id),
            _end(view, c, at, "parentId", link.parent_id),
        )
        if child is None or parent is None or child.id == parent.id:
            continue
        if child.kind != "Objective":
            message = f"childId {child.id!r} is a key result; only objectives contribute"
            c.fail(at, ValidationError(message, field="childId", value=child.id))
            continue
        ancestry = view.ancestry(child.owner_id) if child.tier is Tier.STRATEGIC else []
        c.rule(at, links.check_contribution, child, parent, ancestry)
    for i, support in enumerate(plan.supports):
        at = ("supports", i)
        objective = view.alignables.get(support.objective_id)
        priority = view.priorities.get(support.priority_id)
        if objective is None or objective.kind != "Objective":
            c.fail(at, not_found("objective", "objectiveId", support.objective_id))
        elif priority is None:
            c.fail(at, not_found("priority", "priorityId", support.priority_id))
        elif c.rule(at, links.check_supporter, objective) is None and priority.cycle_id in view.cycles:
            year = view.cycles[priority.cycle_id]
            c.rule(at, links.check_support, objective, priority.id, year.id, year.start_date, year.end_date)
    for i, dependency in enumerate(plan.dependencies):
        at = ("dependencies", i)
        source, target = (
            _end(view, c, at, "fromId", dependency.from_id),
            _end(view, c, at, "toId", dependency.to_id),
        )
        if source is not None and target is not None and source.id != target.id:
            c.rule(at, links.check_dependency, source, target)
    for i, initiative in enumerate(plan.initiatives):
        for j, kr in enumerate(initiative.advances):
            found = view.alignables.get(kr)
            if found is None or found.kind != "KeyResult":
                c.fail(("initiatives", i, "advances", j), not_found("key result", "advances", kr))


def _loops(plan: Plan, view: View, c: Checker) -> None:
    """A contribution of the plan whose parent already reaches its child makes a CONTRIBUTES_TO loop."""
    for i, link in enumerate(plan.contributions):
        parent = view.alignables.get(link.parent_id)
        if parent is None or link.child_id not in view.alignables or link.child_id == link.parent_id:
            continue
        seen, frontier = {parent.objective_id}, [parent.objective_id]
        while frontier and link.child_id not in seen:
            frontier = [up for node in frontier for up in view.parents.get(node, ()) if up not in seen]
            seen.update(frontier)
        if link.child_id in seen:
            message = f"linking {link.child_id!r} to {link.parent_id!r} would make a CONTRIBUTES_TO loop"
            c.fail(("contributions", i), ValidationError(message, field="parentId", value=link.parent_id))


def _history(plan: Plan, view: View, c: Checker) -> None:
    if plan.history is None:
        return
    for i, m in enumerate(plan.history.measurements):
        found = view.alignables.get(m.key_result_id)
        if found is None or found.kind != "KeyResult":
            c.fail(("history", "measurements", i), not_found("key result", "keyResultId", m.key_result_id))
    for i, check_in in enumerate(plan.history.check_ins):
        at = ("history", "checkIns", i)
        if check_in.objective_id not in view.objectives:
            c.fail(at, not_found("objective", "objectiveId", check_in.objective_id))
            continue
        own = view.key_results_of.get(check_in.objective_id, set())
        for j, value in enumerate(check_in.values):
            if value.key_result_id not in own:
                message = (
                    f"keyResultId {value.key_result_id!r} is not a key result of {check_in.objective_id!r}"
                )
                c.fail(
                    (*at, "values", j),
                    ValidationError(message, field="keyResultId", value=value.key_result_id),
                )
    for i, retro in enumerate(plan.history.retrospectives):
        at = ("history", "retrospectives", i)
        if retro.objective_id is not None and retro.objective_id not in view.objectives:
            c.fail(at, not_found("objective", "objectiveId", retro.objective_id))
        if retro.team_id is not None and retro.team_id not in view.teams:
            c.fail(at, not_found("team", "teamId", retro.team_id))
        if retro.cycle_id is not None and retro.cycle_id not in view.cycles:
            c.fail(at, not_found("cycle", "cycleId", retro.cycle_id))
        objective = view.objectives.get(retro.objective_id or "")
        if objective is not None and retro.cycle_id not in (None, objective.cycle_id):
            message = f"objective {objective.id!r} is in cycle {objective.cycle_id!r}, not {retro.cycle_id!r}"
            c.fail(at, ValidationError(message, field="cycleId", value=retro.cycle_id))
