"""`aligngraph plan import|export|check|schema`: bring an organisation's OKRs in from plan files, take them
out again, and review a plan before it lands. graph/plans/ does the work; docs/PLAN_FORMAT.md is the format.
"""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli.common import settings_with_neo4j, with_db
from api.cli.plan_check import check
from graph.core.db import Database
from graph.core.errors import DomainError
from graph.core.schema import apply_schema
from graph.plans import export
from graph.plans.diff import ACTIONS, TYPES, Diff
from graph.plans.document import Problem
from graph.plans.load import read_path
from graph.plans.models import json_schema
from graph.plans.service import Outcome, import_plan

plan_app = typer.Typer(
    help="Plan files: import, export and check a whole organisation's OKRs.", no_args_is_help=True
)
plan_app.command("check")(check)
console = Console(soft_wrap=True)
SCHEMA_PATH = Path("docs/plan.schema.json")


class Format(StrEnum):
    yaml = "yaml"
    csv = "csv"


def schema_text() -> str:
    """The plan's JSON Schema as docs/plan.schema.json holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


@plan_app.command("schema")
def schema(
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSON Schema.")] = SCHEMA_PATH,
) -> None:
    """Write the plan format's JSON Schema (generated from the models), for editors to validate plans."""
    out.write_text(schema_text(), encoding="utf-8")
    console.print(f"Wrote {out}.")


def print_problems(problems: list[Problem]) -> None:
    console.print(f"[bold red]The plan has {len(problems)} problem(s); nothing was written.[/bold red]")
    for problem in problems:
        console.print(str(problem), markup=False, soft_wrap=True)


def print_diff(diff: Diff) -> None:
    """One line per type of item that the plan touches: how many of each are created, updated, and so on."""
    console.print(f"{'':16}" + "".join(f"{action:>11}" for action in ACTIONS))
    for kind in TYPES:
        counts = diff.counts[kind]
        if sum(counts.values()):
            console.print(f"{kind:16}" + "".join(f"{counts[action]:>11}" for action in ACTIONS))


def _outcome_line(outcome: Outcome, *, dry_run: bool, seconds: float) -> str:
    assert outcome.diff is not None
    if outcome.diff.writes == 0:
        return "Nothing to write: the graph already holds this plan."
    if dry_run:
        return f"Dry run: {outcome.diff.writes} changes found, nothing written."
    return f"Imported: {outcome.diff.writes} changes written in one transaction ({seconds:.1f} s)."


@plan_app.command("import")
def import_command(
    path: Annotated[
        Path, typer.Argument(help="A YAML plan, a CSV sheet, or a directory of YAML files and CSV sheets.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate and show the changes; write nothing.")
    ] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune", help="Archive objectives (and remove links) the plan leaves out; never delete."
        ),
    ] = False,
) -> None:
    """Validate the whole plan, show what it changes per type, and write that in one transaction."""
    document = read_path(path)
    settings, _ = settings_with_neo4j()
    started = time.monotonic()

    async def work(db: Database) -> Outcome:
        await apply_schema(db)
        columns = (
            TextColumn("{task.description:<36}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("rows"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            # No total while the plan is checked and compared; then the rows the diff writes, in all.
            task = bar.add_task("checking the plan", total=None)

            def step(name: str, done: int, total: int) -> None:
                bar.update(task, description=name, completed=done, total=total)

            return await import_plan(db, document, dry_run=dry_run, prune=prune, progress=step)

    try:
        outcome = with_db(settings, work)
    except DomainError as error:
        console.print(f"[red]{error.code}: {error.message}[/red]")
        raise typer.Exit(1) from None
    if outcome.problems:
        print_problems(outcome.problems)
        raise typer.Exit(1)
    assert outcome.diff is not None
    print_diff(outcome.diff)
    console.print(_outcome_line(outcome, dry_run=dry_run, seconds=time.monotonic() - started))


@plan_app.command("export")
def export_command(
    org: Annotated[str, typer.Option("--org", help="The organisation's id.")],
    out: Annotated[Path, typer.Option("--out", help="A .yaml file, or a directory for CSV sheets.")],
    cycle: Annotated[
        str | None, typer.Option("--cycle", help="Only this cycle (with its year and quarters).")
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="Add measurements, check-ins and retrospectives.")
    ] = False,
    fmt: Annotated[
        Format, typer.Option("--format", help="yaml (one file) or csv (a directory of sheets).")
    ] = Format.yaml,
) -> None:
    """Write an organisation's plan, in a fixed order: the same graph always gives the same bytes."""
    settings, _ = settings_with_neo4j()
    try:
        plan = with_db(settings, lambda db: export.read_plan(db, org, cycle_id=cycle, history=history))
    except DomainError as error:
        console.print(f"[red]{error.code}: {error.message}[/red]")
        raise typer.Exit(1) from None
    if fmt is Format.yaml:
        out.write_text(export.to_yaml(plan), encoding="utf-8")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in export.to_sheets(plan).items():
            (out / name).write_text(text, encoding="utf-8")
    total = len(plan.objectives)
    console.print(f"Wrote {out}: {len(plan.teams)} units, {total} objectives.")
