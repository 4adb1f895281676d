"""Validate a whole plan against itself and the stored graph, with the mutations' own rules and error codes.

Each rule is the function the mutation runs (graph/planning/rules.py and the checks of teams, cycles,
objectives and links; the push, check-in and retrospective checks); a refusal becomes a Problem naming the
file, line and field. Every problem is reported, not only the first. graph/plans/graph_rules.py holds the
rules over the plan's graph as a whole: the team tree, the cycles, references, links and loops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from graph.core.errors import DomainError, ValidationError
from graph.core.models import CycleKind, TeamKind
from graph.integrations.push_checks import PushedValue, check_value
from graph.planning import initiatives, rules
from graph.planning.key_results import checked_fields
from graph.planning.organisations import check_objective_limit
from graph.plans.document import Document, Path, Problem, show
from graph.plans.keys import check_in_key, measurement_key, retrospective_key
from graph.plans.models import InitiativeItem, ObjectiveItem, Plan
from graph.plans.stored import Stored
from graph.rituals import checkins, retrospectives

T = TypeVar("T")


class Checker:
    """Collects problems: each rule runs, and a DomainError it raises is kept with where it happened."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def rule(self, path: Path, check: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return check(*args, **kwargs)
        except DomainError as error:
            self.fail(path, error)
            return None

    def fail(self, path: Path, error: DomainError) -> None:
        field = error.field
        at = (*path, field.split("[")[0].split(".")[0]) if field else path
        problem = self.document.problem(error.code, error.message, at, field)
        self.problems.append(
            Problem(problem.code, problem.message, problem.file, problem.line, problem.path, field)
        )

    def refuse(self, path: Path, code: str, message: str, field: str | None = None) -> None:
        error = DomainError(message, field=field)
        error.code = code
        self.fail(path, error)


def _objective_quickly(objective: ObjectiveItem) -> None:
    """The rules of one objective and its key results, stopping at the first problem (then the objective is
    checked again rule by rule, to report every problem): most are fine, and this is one pass over them."""
    rules.new_id("id", objective.id)
    rules.name("title", objective.title)
    rules.text("description", objective.description)
    rules.confidence("confidence", objective.confidence)
    for kr in objective.key_results:
        rules.new_id("id", kr.id)
        checked_fields(kr)


def _initiative_quickly(initiative: InitiativeItem) -> None:
    rules.new_id("id", initiative.id)
    rules.name("title", initiative.title)
    initiatives._url(initiative.url)


def _stored_as_is(
    item: ObjectiveItem | InitiativeItem, stored: ObjectiveItem | InitiativeItem | None
) -> bool:
    """Whether the plan gives an objective (with its key results) or initiative exactly as it is stored: then
    it is written as it stands and its fields were checked when it was; import writes nothing for it."""
    if stored is None:
        return False
    if isinstance(item, InitiativeItem):
        return item.__dict__ == stored.__dict__
    assert isinstance(stored, ObjectiveItem)
    return (
        item.__dict__.keys() == stored.__dict__.keys()
        and all(value == stored.__dict__[key] for key, value in item.__dict__.items() if key != "key_results")
        and {kr.id: kr.__dict__ for kr in item.key_results}
        == {kr.id: kr.__dict__ for kr in stored.key_results}
    )


def check_fields(plan: Plan, checker: Checker, now: dt.datetime, stored: Stored | None = None) -> None:
    """The rules on each item's own fields: ids, names, lengths, numbers, dates, and the history's checks.
    With `stored`, objectives and initiatives the plan gives exactly as stored are not checked again (most of
    a large plan, re-imported or dry-run with a few changes)."""
    c = checker
    objectives = stored.objectives if stored is not None else {}
    initiatives_held = stored.initiatives if stored is not None else {}
    org = plan.organisation
    c.rule(("organisation",), rules.new_id, "id", org.id)
    c.rule(("organisation",), rules.name, "name", org.name)
    c.rule(("organisation",), rules.text, "vision", org.vision)
    c.rule(("organisation",), check_objective_limit, org.objective_limit)
    for i, team in enumerate(plan.teams):
        at = ("teams", i)
        c.rule(at, rules.new_id, "id", team.id)
        c.rule(at, rules.name, "name", team.name)
        if team.kind is TeamKind.COMPANY and team.parent_id is not None:
            c.fail(
                at, ValidationError("a COMPANY has no parent unit", field="parentId", value=team.parent_id)
            )
    for i, cycle in enumerate(plan.cycles):
        at = ("cycles", i)
        c.rule(at, rules.new_id, "id", cycle.id)
        c.rule(at, rules.name, "name", cycle.name)
        c.rule(at, rules.date_range, cycle.start_date, cycle.end_date)
        if cycle.kind is CycleKind.YEAR and cycle.parent_id is not None:
            c.fail(at, ValidationError("a YEAR cycle has no parent cycle", field="parentId"))
        if cycle.kind is CycleKind.QUARTER and cycle.parent_id is None:
            c.fail(at, ValidationError("a QUARTER cycle needs a parent YEAR cycle", field="parentId"))
    for i, priority in enumerate(plan.priorities):
        at = ("priorities", i)
        c.rule(at, rules.new_id, "id", priority.id)
        c.rule(at, rules.name, "title", priority.title)
        c.rule(at, rules.text, "description", priority.description)
    for i, objective in enumerate(plan.objectives):
        if _stored_as_is(objective, objectives.get(objective.id)):
            continue
        try:
            _objective_quickly(objective)
            continue
        except DomainError:
            pass
        at = ("objectives", i)
        c.rule(at, rules.new_id, "id", objective.id)
        c.rule(at, rules.name, "title", objective.title)
        c.rule(at, rules.text, "description", objective.description)
        c.rule(at, rules.confidence, "confidence", objective.confidence)
        for j, kr in enumerate(objective.key_results):
            c.rule((*at, "keyResults", j), rules.new_id, "id", kr.id)
            c.rule((*at, "keyResults", j), checked_fields, kr)
    for i, initiative in enumerate(plan.initiatives):
        if _stored_as_is(initiative, initiatives_held.get(initiative.id)):
            continue
        try:
            _initiative_quickly(initiative)
            continue
        except DomainError:
            pass
        at = ("initiatives", i)
        c.rule(at, rules.new_id, "id", initiative.id)
        c.rule(at, rules.name, "title", initiative.title)
        c.rule(at, initiatives._url, initiative.url)
    for i, contribution in enumerate(plan.contributions):
        at = ("contributions", i)
        c.rule(at, rules.positive, "weight", contribution.weight)
        if contribution.child_id == contribution.parent_id:
            message = f"an objective cannot contribute to itself ({contribution.child_id!r})"
            c.fail(at, ValidationError(message, field="parentId", value=contribution.parent_id))
    for i, dependency in enumerate(plan.dependencies):
        at = ("dependencies", i)
        c.rule(at, rules.text, "note", dependency.note, limit=1000)
        if dependency.from_id == dependency.to_id:
            message = f"{dependency.from_id!r} cannot depend on itself"
            c.fail(at, ValidationError(message, field="toId", value=dependency.to_id))
    if plan.history is not None:
        _check_history(plan, c, now)


def _check_history(plan: Plan, c: Checker, now: dt.datetime) -> None:
    assert plan.history is not None
    for i, m in enumerate(plan.history.measurements):
        at = ("history", "measurements", i)
        pushed = PushedValue(
            value=m.value, observed_at=m.observed_at, source=m.source, key_result_id=m.key_result_id
        )
        rejected = check_value(i, pushed, now)
        if rejected is not None:
            field = "source" if "source" in (rejected.message or "") else "observedAt"
            field = "value" if rejected.reason == "NON_FINITE_VALUE" else field
            message = (rejected.message or "").replace(f"values[{i}].", "").replace(f"values[{i}]", "")
            c.fail(at, ValidationError(message, field=field, value=None))
    for i, check_in in enumerate(plan.history.check_ins):
        at = ("history", "checkIns", i)
        c.rule(at, rules.confidence, "confidence", check_in.confidence)
        c.rule(at, checkins._issues, check_in.issues)
        c.rule(at, checkins._required_text, "plan", check_in.plan)
        c.rule(at, rules.name, "author", check_in.author)
        values = [
            checkins.ValueInput(v.key_result_id, v.value, v.observed_at or check_in.created_at)
            for v in check_in.values
        ]
        c.rule(at, checkins._values, values, now)
        if check_in.created_at.tzinfo is None:
            c.fail(at, ValidationError("createdAt must carry a time zone", field="createdAt"))
    for i, retro in enumerate(plan.history.retrospectives):
        at = ("history", "retrospectives", i)
        given = retrospectives.RetrospectiveInput(
            kind=retro.kind,
            author=retro.author,
            objective_id=retro.objective_id,
            team_id=retro.team_id,
            cycle_id=retro.cycle_id,
            attractors=tuple(retro.attractors),
            detractors=tuple(retro.detractors),
            learnings=tuple(retro.learnings),
            surprises=tuple(retro.surprises),
            changes=tuple(retro.changes),
        )
        c.rule(at, retrospectives._checked, given, retro.created_at)
        if retro.created_at.tzinfo is None:
            c.fail(at, ValidationError("createdAt must carry a time zone", field="createdAt"))


def check_duplicates(plan: Plan, c: Checker) -> None:
    """Ids are unique across every kind, the organisation's too (an id names one object: the :Keyed
    constraint); so are external keys and links."""
    seen: dict[tuple[str, str], Path] = {}

    def once(kind: str, key: str, at: Path, field: str = "id") -> None:
        if (kind, key) in seen:
            first = show(seen[(kind, key)])
            c.refuse(at, "CONFLICT", f"{field} {key!r} is given twice (first at {first})", field)
        else:
            seen[(kind, key)] = at

    once("id", plan.organisation.id, ("organisation",))
    for section in ("teams", "cycles", "priorities"):
        for i, item in enumerate(getattr(plan, section)):
            once("id", item.id, (section, i))
    for i, objective in enumerate(plan.objectives):
        once("id", objective.id, ("objectives", i))
        for j, kr in enumerate(objective.key_results):
            once("id", kr.id, ("objectives", i, "keyResults", j))
            if kr.external_key is not None:
                once("externalKey", kr.external_key, ("objectives", i, "keyResults", j), "externalKey")
    for i, initiative in enumerate(plan.initiatives):
        once("id", initiative.id, ("initiatives", i))
    for i, link in enumerate(plan.contributions):
        once("contribution", f"{link.child_id} -> {link.parent_id}", ("contributions", i), "parentId")
    for i, support in enumerate(plan.supports):
        once("support", f"{support.objective_id} -> {support.priority_id}", ("supports", i), "priorityId")
    for i, dependency in enumerate(plan.dependencies):
        once("dependency", f"{dependency.from_id} -> {dependency.to_id}", ("dependencies", i), "toId")
    if plan.history is not None:
        for i, m in enumerate(plan.history.measurements):
            once("measurement", measurement_key(m), ("history", "measurements", i), "observedAt")
        for i, check_in in enumerate(plan.history.check_ins):
            once("checkIn", check_in_key(check_in), ("history", "checkIns", i), "createdAt")
        for i, retro in enumerate(plan.history.retrospectives):
            once("retrospective", retrospective_key(retro), ("history", "retrospectives", i), "createdAt")
