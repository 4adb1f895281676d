"""The `aligngraph` command line: `serve` and `export-schema` here; each other sub-command has its own module."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated, TypeVar

import typer
import uvicorn
from rich.console import Console

from api.cli.alignment import alignment_app
from api.cli.common import local_name, settings_with_neo4j
from api.cli.cypher import cypher_app
from api.cli.neo4j_local import neo4j_app
from api.cli.plan import plan_app
from api.cli.push import HELP as PUSH_HELP
from api.cli.push import push
from api.cli.report import report_app
from api.cli.schema_check import check_schema
from api.cli.seed import schema_app, seed_app
from api.cli.tokens import token_app
from api.http_limits import server_config
from runtime import local_neo4j

T = TypeVar("T")
app = typer.Typer(help="Alignment Graph: OKR alignment over GraphQL, on Neo4j.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")
app.add_typer(seed_app, name="seed")
app.add_typer(cypher_app, name="cypher")
app.add_typer(report_app, name="report")
app.command("push", help=PUSH_HELP)(push)
app.add_typer(token_app, name="token")
app.add_typer(plan_app, name="plan")
app.add_typer(alignment_app, name="alignment")
app.command("check-schema")(check_schema)
console = Console()


@app.command()
def serve(
    demo: Annotated[bool, typer.Option(help="Load the demo organisation (idempotent).")] = False,
    host: Annotated[str | None, typer.Option(help="Bind address (default AG_HOST or 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default AG_PORT or 8000).")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, max=64, help="Worker processes behind the one port (default AG_WORKERS or the cores)."
        ),
    ] = None,
) -> None:
    """Serve the alignment map at / and GraphQL (GraphiQL at /graphql); starts the local Neo4j unless NEO4J_URI is set."""
    from api.main import create_app

    settings, started = settings_with_neo4j(one_off=False)
    if demo and "public_reads" not in settings.model_fields_set:
        # The local demo lets anyone read without a token unless AG_PUBLIC_READS says otherwise; changes
        # always need one (see README).
        settings = settings.model_copy(update={"public_reads": True})
    bind_host, bind_port = host or settings.host, port or settings.port
    console.print(f"The alignment map at [bold]http://{bind_host}:{bind_port}/[/bold]")
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
    processes = workers or settings.workers
    try:
        if processes > 1:
            from api.workers import serve_workers

            console.print(f"{processes} worker processes.")
            serve_workers(settings, demo=demo, host=bind_host, port=bind_port, workers=processes)
            return
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
            local_neo4j.stop(local_name())
            console.print("Local Neo4j stopped.")


@app.command("export-schema")
def export_schema(
    path: Annotated[Path, typer.Argument(help="Where to write the SDL.")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL SDL that frontends generate code from."""
    from resolvers.schema import schema

    path.write_text(schema.as_str() + "\n", encoding="utf-8")
    console.print(f"Wrote {path}.")
    # The Python client is generated from the repo's schema.graphql by ariadne-codegen (a test compares).
    generator = Path(__file__).resolve().parents[2] / "clients" / "python" / "codegen.py"
    if path.resolve() == generator.parents[2] / "schema.graphql":
        subprocess.run([sys.executable, str(generator)], check=True)
