"""`aligngraph token create|list|revoke`: API tokens, managed straight in Neo4j by whoever runs the CLI."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import settings_with_neo4j, with_db
from graph.core.db import Database
from graph.core.errors import DomainError
from graph.integrations import tokens
from graph.integrations.tokens import Scope, TokenInfo

T = TypeVar("T")
token_app = typer.Typer(
    help="API tokens (bearer). Only their SHA-256 hashes are stored; a secret is shown once.",
    no_args_is_help=True,
)
console = Console()
err = Console(stderr=True)


def _fail(exc: DomainError) -> NoReturn:
    err.print(f"[red]{exc.code}[/red] {exc.message}")
    raise typer.Exit(2)


def _run_db(work: Callable[[Database], Awaitable[T]]) -> T:

    settings, _ = settings_with_neo4j()
    try:
        return with_db(settings, work)
    except DomainError as exc:
        _fail(exc)


@token_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who or what uses it, e.g. 'amplitude sync'.")],
    scope: Annotated[
        list[Scope],
        typer.Option(help="read, write (planning edits), push (KR values) or admin. Repeat for several."),
    ],
    team: Annotated[
        list[str] | None,
        typer.Option(help="Push-only tokens: the team (or unit) ids whose KRs it may push to. Repeatable."),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            help="The organisation it belongs to (default: the only one; needed when there are more).",
        ),
    ] = None,
    all_organisations: Annotated[
        bool,
        typer.Option("--all-organisations", help="A token of every organisation (say, an operator's admin)."),
    ] = False,
) -> None:
    """Create a token of one organisation and print its secret (once: it cannot be shown again)."""

    async def work(db: Database) -> tuple[TokenInfo, str]:
        return await tokens.create_token(
            db,
            name=name,
            scopes=[s.value for s in scope],
            team_ids=team or [],
            organisation_id=org,
            all_organisations=all_organisations,
        )

    info, secret = _run_db(work)
    teams = f" for teams {', '.join(info.team_ids)}" if info.team_ids else ""
    where = f"organisation {info.organisation_id}" if info.organisation_id else "every organisation"
    err.print(
        f"Created token {info.id} ({info.name}: {', '.join(info.scopes)}{teams}; {where}). Keep the secret safe:"
    )
    # The secret alone on stdout, so scripts can capture it: TOKEN=$(aligngraph token create ...)
    console.print(secret, soft_wrap=True, highlight=False)


@token_app.command("list")
def list_command() -> None:
    """List tokens (never their secrets), newest first."""

    async def work(db: Database) -> list[TokenInfo]:
        return await tokens.list_tokens(db)

    found = _run_db(work)
    table = Table("id", "name", "organisation", "scopes", "teams", "created", "revoked")
    for info in found:
        table.add_row(
            info.id,
            info.name,
            info.organisation_id or "all",
            ", ".join(info.scopes),
            ", ".join(info.team_ids) or "any",
            info.created_at.isoformat(timespec="seconds"),
            info.revoked_at.isoformat(timespec="seconds") if info.revoked_at else "",
        )
    console.print(table)


@token_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id (see `aligngraph token list`).")],
) -> None:
    """Revoke a token; it stops working within AG_TOKEN_CACHE_SECONDS (default 5 s)."""

    async def work(db: Database) -> TokenInfo:
        return await tokens.revoke_token(db, token_id)

    info = _run_db(work)
    when = info.revoked_at.isoformat(timespec="seconds") if info.revoked_at else "?"
    console.print(f"Revoked {info.id} ({info.name}) at {when}.")
