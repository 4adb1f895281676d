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
from graph.report.strategic import StrategicReport, strategic_report

report_app = typer.Typer(help="Reports for leadership reviews, as standalone HTML.", no_args_is_help=True)
console = Console()


def _day(value: str | None) -> dt.date:
    if value is None:
        return dt.datetime.now(dt.UTC).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2026-02-15", param_hint="--as-of") from None


@report_app.command("strategic")
def strategic(
    objective_id: Annotated[str, typer.Argument(help="A STRATEGIC objective's id.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the HTML.")] = Path("report.html"),
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The day to report on, YYYY-MM-DD (default: today, UTC).")
    ] = None,
    stale_after_days: Annotated[
        int | None,
        typer.Option(
            help="A key result not measured for more than this many days is stale "
            "(default: AG_HEALTH_STALE_MEASUREMENT_DAYS, 14)."
        ),
    ] = None,
) -> None:
    """Write the report on a strategic objective: progress per contributing team, confidence over time,
    at-risk dependencies, stale key results and the issues of the latest check-ins."""

    day = _day(as_of)
    settings, _ = settings_with_neo4j()
    stale_days = settings.health_stale_measurement_days if stale_after_days is None else stale_after_days

    async def work(db: Database) -> StrategicReport:
        return await strategic_report(db, objective_id=objective_id, as_of=day, stale_after_days=stale_days)

    try:
        found = with_db(settings, work)
    except DomainError as exc:
        console.print(f"[red]{exc.code}[/red] {exc.message}")
        raise typer.Exit(2) from exc
    out.write_text(render_strategic_report(found, generated_at=dt.datetime.now(dt.UTC)), encoding="utf-8")
    console.print(
        f"Wrote {out}: {found.objective.title!r} on {day}, {len(found.contributors)} contributors, "
        f"{len(found.at_risk_dependencies)} at-risk dependencies, {len(found.stale_key_results)} stale key results."
    )
