"""Import a plan (validate it whole, compare it with the graph, write the difference in one transaction) and
rehearse one (the same inside a transaction that is rolled back, for `plan check`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from graph.core.db import Database, Tx
from graph.core.errors import not_found
from graph.plans import collector
from graph.plans.apply import Progress, apply_diff
from graph.plans.closed import check_closed, leave_frozen
from graph.plans.diff import Diff, compute_diff
from graph.plans.document import Document, Problem
from graph.plans.graph_rules import check_graph
from graph.plans.load import parse
from graph.plans.models import Plan
from graph.plans.stored import Stored, read_stored
from graph.plans.validate import Checker, check_duplicates, check_fields

T = TypeVar("T")


@dataclass
class Outcome:
    """What an import found and did: every problem (then nothing is written), and the diff."""

    problems: list[Problem] = field(default_factory=list)
    diff: Diff | None = None
    applied: bool = False
    plan: Plan | None = None


def _ids(plan: Plan) -> dict[str, list[str]]:
    """The plan's ids per kind, its organisation's too (objectives and key results together: links name either)."""
    alignables = [o.id for o in plan.objectives]
    alignables.extend(kr.id for o in plan.objectives for kr in o.key_results)
    return {
        "organisation": [plan.organisation.id],
        "teams": [t.id for t in plan.teams],
        "cycles": [c.id for c in plan.cycles],
        "priorities": [p.id for p in plan.priorities],
        "initiatives": [i.id for i in plan.initiatives],
        "alignables": alignables,
    }


async def prepare(
    tx: Tx, document: Document, *, prune: bool, now: dt.datetime
) -> tuple[Outcome, Stored | None]:
    """Parse and validate the plan, read what is stored, and compute the diff (nothing is written). A plan
    read without lines that has problems is read again with them and validated again, to say where each is."""
    outcome, stored = await _prepare(tx, document, prune=prune, now=now)
    if outcome.problems and document.reread is not None:
        outcome, stored = await _prepare(tx, document.reread(), prune=prune, now=now)
    return outcome, stored


async def _prepare(
    tx: Tx, document: Document, *, prune: bool, now: dt.datetime
) -> tuple[Outcome, Stored | None]:
    plan, problems = parse(document)
    if plan is None:
        return Outcome(problems=problems), None
    if tx.organisation_id is not None and plan.organisation.id != tx.organisation_id:
        # A token of one organisation neither sees nor creates another: the same answer as an unknown id.
        raise not_found("organisation", "organisation.id", plan.organisation.id)
    checker = Checker(document)
    checker.problems.extend(problems)
    stored = await read_stored(
        tx,
        plan.organisation.id,
        history=plan.history is not None,
        initiative_ids=[i.id for i in plan.initiatives],
        plan_ids=_ids(plan),
    )
    check_fields(plan, checker, now, stored)
    check_duplicates(plan, checker)
    check_graph(plan, stored, checker, prune=prune)
    diff = compute_diff(plan, stored, checker, prune=prune) if not checker.problems else None
    if diff is not None:
        if prune:
            leave_frozen(diff, stored)
        check_closed(plan, stored, diff, checker)
    problems = sorted(checker.problems, key=lambda p: (p.file or "", p.line or 0, p.path))
    return Outcome(problems=problems, diff=diff, plan=plan), stored


async def import_plan(
    db: Database,
    document: Document,
    *,
    dry_run: bool = False,
    prune: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> Outcome:
    """Validate, compare and (unless dry_run, problems or no change) write the plan in one transaction."""
    at = now or dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> Outcome:
        outcome, stored = await prepare(tx, document, prune=prune, now=at)
        if outcome.problems or outcome.diff is None or stored is None or outcome.plan is None:
            return outcome
        if dry_run or outcome.diff.writes == 0:
            return outcome
        await apply_diff(tx, outcome.plan, stored, outcome.diff, now=at, progress=progress)
        outcome.applied = True
        return outcome

    with collector.paused():
        if dry_run:
            return await db.rehearse(work)
        return await db.write(work)


async def rehearse_plan(
    db: Database,
    document: Document,
    after: Callable[[Tx, Outcome], Awaitable[T]],
    *,
    prune: bool = False,
    now: dt.datetime | None = None,
) -> tuple[Outcome, T | None]:
    """Apply the plan inside a transaction that is rolled back, and run `after` on the graph as it would be."""
    at = now or dt.datetime.now(dt.UTC)

    async def work(tx: Tx) -> tuple[Outcome, T | None]:
        outcome, stored = await prepare(tx, document, prune=prune, now=at)
        if outcome.problems or outcome.diff is None or stored is None or outcome.plan is None:
            return outcome, None
        await apply_diff(tx, outcome.plan, stored, outcome.diff, now=at)
        return outcome, await after(tx, outcome)

    with collector.paused():
        return await db.rehearse(work)
