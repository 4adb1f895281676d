"""`aligngraph neo4j start|stop|status`: the local Neo4j 5.26 the project runs itself (no Docker needed)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import local_name
from api.settings import get_settings
from runtime import local_neo4j

neo4j_app = typer.Typer(help="The local Neo4j 5.26 (no Docker needed).", no_args_is_help=True)
console = Console()


@neo4j_app.command("start")
def neo4j_start(
    fresh: Annotated[bool, typer.Option(help="Delete the local data first.")] = False,
) -> None:
    """Start the local Neo4j in the background (data in .neo4j/dev), on its earlier port when free."""
    settings = get_settings()
    server = local_neo4j.start(
        local_name(),
        fresh=fresh,
        heap_mb=settings.local_neo4j_heap_mb,
        pagecache_mb=settings.local_neo4j_pagecache_mb,
    )
    console.print(
        f"Neo4j running: {server.uri} (pid {server.pid}). Use NEO4J_URI={server.uri} to share it; "
        "stop it with `aligngraph neo4j stop`."
    )


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j."""
    console.print("Stopped." if local_neo4j.stop(local_name()) else "Local Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where."""
    server = local_neo4j.status(local_name())
    if server is None:
        console.print("Local Neo4j is not running.")
        raise typer.Exit(1)
    console.print(f"Local Neo4j running: {server.uri} (pid {server.pid}, data {server.home})")
