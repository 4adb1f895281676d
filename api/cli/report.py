"""`aligngraph report strategic`: the leadership report on a strategic objective as one HTML file.

It calls graph.report.strategic.strategic_report, the function behind the GraphQL field `strategicReport`, directly
against Neo4j (like every other command: NEO4J_URI, or the local Neo4j), so it needs no running API and no
token, and the page shows exactly the API's numbers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import settings_with_neo4j, with_db
from api.report_html import render_strategic_report
from graph.core.db import Database
from graph.core.errors import DomainError
from graph.report.review import Review, monthly_review

report_app = typer.Typer(help="Reports for leadership reviews, as standalone HTML.", no_args_is_help=True)
console = Console()


def _day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-02-15", param_hint=option) from None


def out_path(template: str, *, objective_id: str, as_of: dt.date) -> Path:
    """The --out path with {objectiveId} and {asOf} filled in (reports/{objectiveId}-{asOf}.html)."""
    try:
        return Path(template.format_map({"objectiveId": objective_id, "asOf": as_of.isoformat()}))
    except (KeyError, ValueError, IndexError) as exc:
        message = f"{template!r}: only {{objectiveId}} and {{asOf}} can be filled in ({exc})"
        raise typer.BadParameter(message, param_hint="--out") from None


@report_app.command("strategic")
def strategic(
    objective_id: Annotated[str, typer.Argument(help="A STRATEGIC objective's id.")],
    out: Annotated[
        str,
        typer.Option(
            "--out",
            help="Where to write the HTML; {objectiveId} and {asOf} are filled in, e.g. "
            "reports/{objectiveId}-{asOf}.html.",
        ),
    ] = "report.html",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The day to report on, YYYY-MM-DD (default: today, UTC).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="The last review's day, YYYY-MM-DD (default: a month before --as-of)."),
    ] = None,
    stale_after_days: Annotated[
        int | None,
        typer.Option(
            help="A key result not measured for more than this many days is stale "
            "(default: AG_HEALTH_STALE_MEASUREMENT_DAYS, 14)."
        ),
    ] = None,
) -> None:
    """Write the monthly review of a strategic objective: what changed since the last review, progress over
    time, progress per contributing team, confidence over time, at-risk dependencies, stale key results and
    the issues of the latest check-ins."""

    day = dt.datetime.now(dt.UTC).date() if as_of is None else _day(as_of, "--as-of")
    last = None if since is None else _day(since, "--since")
    path = out_path(out, objective_id=objective_id, as_of=day)
    settings, _ = settings_with_neo4j()
    stale_days = settings.health_stale_measurement_days if stale_after_days is None else stale_after_days

    async def work(db: Database) -> Review:
        return await monthly_review(
            db, objective_id=objective_id, as_of=day, since=last, stale_after_days=stale_days
        )

    try:
        found = with_db(settings, work)
    except DomainError as exc:
        console.print(f"[red]{exc.code}[/red] {exc.message}")
        raise typer.Exit(2) from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_strategic_report(found, generated_at=dt.datetime.now(dt.UTC)), encoding="utf-8")
    report = found.report
    console.print(
        f"Wrote {path}: {report.objective.title!r} on {day} (since {found.since}), {len(report.contributors)} "
        f"contributors, {len(report.at_risk_dependencies)} at-risk dependencies, "
        f"{len(report.stale_key_results)} stale key results."
    )
