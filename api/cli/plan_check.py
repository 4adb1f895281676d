"""`aligngraph plan check PATH`: the alignment questions and health checks on a plan as it would be after
import (inside a transaction that is rolled back), and what it changes against the graph as it is now.
It exits 1 on findings at or above --fail-on, so a repository of plan files can run it on every pull request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import settings_with_neo4j, with_db
from api.settings import health_thresholds
from graph.core.db import Database
from graph.core.errors import DomainError
from graph.core.schema import apply_schema
from graph.health.checks import Severity
from graph.plans.document import Problem
from graph.plans.load import read_path
from graph.plans.review import RANK, Answers, Review, review_plan

console = Console(soft_wrap=True)


def _show(problems: list[Problem]) -> None:
    console.print(f"[bold red]The plan has {len(problems)} problem(s); it can't be imported.[/bold red]")
    for problem in problems:
        console.print(str(problem), markup=False, soft_wrap=True)


def _cycle(cycle: str, after: Answers, before: Answers | None) -> None:
    console.print(f"[bold]Cycle {cycle}[/bold]")
    console.print(f"  orphaned objectives: {len(after.orphans)}")
    for orphan in after.orphans:
        console.print(f"    {orphan.id} ({orphan.reason.value}): {orphan.objective.title}", markup=False)
    console.print(f"  unsupported priorities: {len(after.unsupported)}")
    for priority in after.unsupported:
        console.print(
            f"    {priority.priority.id} ({priority.reason.value}): {priority.priority.title}", markup=False
        )
    console.print(f"  at-risk dependencies: {len(after.at_risk)}")
    for risk in after.at_risk:
        reasons = ", ".join(r.value for r in risk.risk_reasons)
        console.print(f"    {risk.source.id} -> {risk.target.id} ({reasons})", markup=False)
    console.print(f"  health findings: {len(after.findings)}")
    for finding in after.findings:
        line = f"    {finding.severity.value} {finding.check.value} {finding.subject_id}: {finding.message}"
        console.print(line, markup=False)
    if before is None:
        return
    now = {o.id for o in before.orphans}
    then = {o.id for o in after.orphans}
    newly = sorted(then - now)
    fixed = sorted(now - then)
    console.print(
        f"  against now: this plan orphans {len(newly)} objectives that are aligned today"
        + (f" ({', '.join(newly)})" if newly else "")
        + f", and aligns {len(fixed)} that are orphaned today"
        + (f" ({', '.join(fixed)})" if fixed else "")
    )
    supported = {p.priority.id for p in before.unsupported} - {p.priority.id for p in after.unsupported}
    lost = {p.priority.id for p in after.unsupported} - {p.priority.id for p in before.unsupported}
    console.print(f"  priorities newly unsupported: {len(lost)}; newly supported: {len(supported)}")
    console.print(f"  health findings: {len(after.findings)} after, {len(before.findings)} now")


def check(
    path: Annotated[Path, typer.Argument(help="A YAML plan, a CSV sheet, or a directory of plan files.")],
    cycle: Annotated[
        str | None, typer.Option("--cycle", help="Only this cycle (default: the plan's cycles).")
    ] = None,
    fail_on: Annotated[
        Severity | None,
        typer.Option(
            "--fail-on", help="Exit 1 on a finding at or above this severity (orphans count as WARNING)."
        ),
    ] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Check the plan as `import --prune` would leave it.")
    ] = False,
) -> None:
    """Check a plan as it would be after import, without keeping it: orphans, unsupported priorities, at-risk
    dependencies, health findings, and what changes against what is stored now."""
    document = read_path(path)
    settings, _ = settings_with_neo4j()
    thresholds = health_thresholds(settings)

    async def work(db: Database) -> Review:
        await apply_schema(db)
        return await review_plan(db, document, cycle_id=cycle, thresholds=thresholds, prune=prune)

    try:
        review = with_db(settings, work)
    except DomainError as error:
        console.print(f"[red]{error.code}: {error.message}[/red]")
        raise typer.Exit(1) from None
    if review.outcome.problems:
        _show(review.outcome.problems)
        raise typer.Exit(1)
    for name, answers in review.after.items():
        _cycle(name, answers, review.before.get(name))
    worst = review.worst()
    console.print(f"Worst finding: {worst.value if worst else 'none'}. Nothing was written.")
    if fail_on is not None and worst is not None and RANK[worst] >= RANK[fail_on]:
        raise typer.Exit(1)
