"""The `aligngraph` command line: serve, run the local Neo4j, apply the schema, load the demo."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
import uvicorn
from rich.console import Console

from api.cli_cypher import cypher_app
from api.cli_push import HELP as PUSH_HELP
from api.cli_push import push
from api.cli_report import report_app
from api.cli_tokens import token_app
from api.http_limits import server_config
from api.settings import Settings, get_settings
from graph import synthetic, synthetic_load
from graph.db import Database
from graph.demo import seed_demo
from graph.schema import apply_schema
from runtime import local_neo4j

T = TypeVar("T")
app = typer.Typer(help="Alignment Graph: OKR alignment over GraphQL, on Neo4j.", no_args_is_help=True)
neo4j_app = typer.Typer(help="The local Neo4j 5.26 (no Docker needed).", no_args_is_help=True)
schema_app = typer.Typer(help="The database schema (constraints and indexes).", no_args_is_help=True)
seed_app = typer.Typer(help="Load data.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")
app.add_typer(seed_app, name="seed")
app.add_typer(cypher_app, name="cypher")
app.add_typer(report_app, name="report")
app.command("push", help=PUSH_HELP)(push)
app.add_typer(token_app, name="token")
console = Console()
LOCAL = "dev"


def _settings_with_neo4j() -> tuple[Settings, bool]:
    """Return settings pointing at Neo4j, starting the local one when NEO4J_URI is unset."""
    settings = get_settings()
    if settings.neo4j_uri is not None:
        return settings, False
    already = local_neo4j.status(LOCAL) is not None
    server = local_neo4j.start(
        LOCAL, heap_mb=settings.local_neo4j_heap_mb, pagecache_mb=settings.local_neo4j_pagecache_mb
    )
    return settings.model_copy(update={"neo4j_uri": server.uri}), not already


def _with_db(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    assert settings.neo4j_uri is not None

    async def run() -> T:
        db = Database.connect(
            settings.neo4j_uri or "",
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
        )
        try:
            await db.verify()
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


@app.command()
def serve(
    demo: Annotated[bool, typer.Option(help="Load the demo organisation (idempotent).")] = False,
    host: Annotated[str | None, typer.Option(help="Bind address (default AG_HOST or 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default AG_PORT or 8000).")] = None,
) -> None:
    """Serve GraphQL (GraphiQL at /graphql); starts the local Neo4j unless NEO4J_URI is set."""
    from api.main import create_app

    settings, started = _settings_with_neo4j()
    if demo and "public_reads" not in settings.model_fields_set:
        # The local demo lets anyone read without a token unless AG_PUBLIC_READS says otherwise; changes
        # always need one (see README).
        settings = settings.model_copy(update={"public_reads": True})
    bind_host, bind_port = host or settings.host, port or settings.port
    console.print(
        f"GraphiQL at [bold]http://{bind_host}:{bind_port}/graphql[/bold] (Neo4j: {settings.neo4j_uri})"
    )
    if settings.public_reads:
        console.print(
            "Reads need no token here. To make changes, create one: "
            "[bold]aligngraph token create me --scope admin[/bold], then send it as "
            "`Authorization: Bearer <token>` (GraphiQL: Headers tab)."
        )
    # uvicorn re-raises the SIGTERM it caught once it has shut down; by default that would end the process
    # before `finally` runs and leave the local Neo4j behind (docker stop, systemd, kill).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        config = server_config(
            create_app(settings, demo=demo),
            host=bind_host,
            port=bind_port,
            header_timeout_s=settings.header_timeout_seconds,
            keep_alive_s=settings.keep_alive_seconds,
            max_connections=settings.max_connections,
        )
        uvicorn.Server(config).run()
    finally:
        if started:
            local_neo4j.stop(LOCAL)
            console.print("Local Neo4j stopped.")


@neo4j_app.command("start")
def neo4j_start(
    fresh: Annotated[bool, typer.Option(help="Delete the local data first.")] = False,
) -> None:
    """Start the local Neo4j in the background (data in .neo4j/dev)."""
    settings = get_settings()
    server = local_neo4j.start(
        LOCAL,
        fresh=fresh,
        heap_mb=settings.local_neo4j_heap_mb,
        pagecache_mb=settings.local_neo4j_pagecache_mb,
    )
    console.print(f"Neo4j running: {server.uri} (pid {server.pid}). Use NEO4J_URI={server.uri} to share it.")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j."""
    console.print("Stopped." if local_neo4j.stop(LOCAL) else "Local Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where."""
    server = local_neo4j.status(LOCAL)
    if server is None:
        console.print("Local Neo4j is not running.")
        raise typer.Exit(1)
    console.print(f"Local Neo4j running: {server.uri} (pid {server.pid}, data {server.home})")


@schema_app.command("apply")
def schema_apply() -> None:
    """Create the constraints and indexes (idempotent)."""
    settings, _ = _settings_with_neo4j()
    names = _with_db(settings, apply_schema)
    console.print(f"Schema applied: {len(names)} statements on {settings.neo4j_uri}.")


@seed_app.command("demo")
def seed_demo_command() -> None:
    """Load the demo organisation (idempotent: re-running changes nothing)."""
    settings, _ = _settings_with_neo4j()

    async def work(db: Database) -> dict[str, int]:
        await apply_schema(db)
        return await seed_demo(db)

    counts = _with_db(settings, work)
    console.print("Demo organisation loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@seed_app.command("large")
def seed_large_command(
    teams: Annotated[int, typer.Option(help="Teams in all: the company, business units and teams.")] = 5000,
    units: Annotated[int | None, typer.Option(help="Business units (default 60 per 5,000 teams).")] = None,
    objectives: Annotated[int | None, typer.Option(help="Objectives (default 4 per team).")] = None,
    seed: Annotated[int, typer.Option(help="The same seed and sizes always give the same graph.")] = 7,
    dependencies: Annotated[int | None, typer.Option(help="DEPENDS_ON edges (default 1.6 per team).")] = None,
) -> None:
    """Load a seeded synthetic organisation (idempotent; another seed or size replaces the earlier one)."""
    try:
        size = synthetic.Size.scaled(teams, units=units, objectives=objectives, dependencies=dependencies)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    org = synthetic.build(size, seed)
    settings, _ = _settings_with_neo4j()
    counts = _with_db(settings, lambda db: synthetic_load.load_synthetic(db, org, console=console))
    console.print(f"{org.name} loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command("export-schema")
def export_schema(
    path: Annotated[Path, typer.Argument(help="Where to write the SDL.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL SDL that frontends generate code from."""
    from resolvers.schema import schema

    path.write_text(schema.as_str() + "\n", encoding="utf-8")
    console.print(f"Wrote {path}.")
    # The Python client's types follow the repo's schema.graphql (a test compares them).
    generator = Path(__file__).resolve().parent.parent / "clients" / "python" / "generate_types.py"
    if path.resolve() == generator.parents[2] / "schema.graphql":
        subprocess.run([sys.executable, str(generator), "--schema", str(path)], check=True)
