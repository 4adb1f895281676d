"""`aligngraph alignment rebuild`: recompute the maintained alignment state from the graph itself."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import settings_with_neo4j, with_db
from graph.core.errors import DomainError
from graph.planning import alignment_state

alignment_app = typer.Typer(help="The maintained alignment state (orphans, coverage).", no_args_is_help=True)
console = Console()


@alignment_app.command("rebuild")
def rebuild_command(
    org: Annotated[
        str | None, typer.Option("--org", help="Only this organisation (default: every one).")
    ] = None,
) -> None:
    """Recompute every objective's alignment state from scratch (after data written by other tools)."""
    settings, _ = settings_with_neo4j()
    try:
        done = with_db(settings, lambda db: alignment_state.rebuild_organisations(db, org))
    except DomainError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    for organisation, objectives in done.items():
        console.print(f"{organisation}: alignment state rebuilt for {objectives} objectives.")
    if not done:
        console.print("No organisation to rebuild.")
