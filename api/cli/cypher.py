"""The `aligngraph cypher` commands: list, show and run the named queries in cypher/."""

from __future__ import annotations

import csv
import datetime
import difflib
import json
import sys
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import neo4j.time
import typer
from neo4j import RoutingControl
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Entity, Path
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from api.cli.common import settings_with_neo4j, with_db
from api.cli.cypher_params import check_ids, check_values
from api.cli.cypher_table import print_table
from graph.core.cypher import NamedQuery, all_queries
from graph.core.db import Database
from graph.core.errors import DomainError, NotFoundError

cypher_app = typer.Typer(help="The named Cypher queries in cypher/, for analysts.", no_args_is_help=True)
console = Console()
Row = dict[str, Any]

PARAM_HELP = (
    "key=value, repeatable; overrides the file's documented :param example. The value is read as JSON "
    'when it parses (10, 1.5, true, null, \'["a","b"]\', \'{"k": 1}\', \'"quoted"\'), otherwise as plain '
    "text (cycleId=cycle-2026-q1). A parameter documented as a date() takes an ISO date (2026-02-15)."
)


class Format(StrEnum):
    """How `cypher run` prints its rows."""

    table = "table"
    csv = "csv"
    json = "json"


def _fail(message: str) -> NoReturn:
    """Print a usage error to stderr and exit with code 2."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


def _named(name: str) -> NamedQuery:
    """Return the named query, or fail naming the closest matches."""
    queries = all_queries()
    if name in queries:
        return queries[name]

    def likeness(candidate: str) -> float:
        short = candidate.rsplit("/", 1)[-1]
        return max(difflib.SequenceMatcher(None, name, text).ratio() for text in (candidate, short))

    close = sorted((c for c in queries if likeness(c) >= 0.6), key=likeness, reverse=True)[:5]
    hint = f" Did you mean: {', '.join(close)}?" if close else " See `aligngraph cypher list`."
    _fail(f"no query named {name!r}.{hint}")


def _parse_overrides(named: NamedQuery, pairs: list[str]) -> dict[str, Any]:
    """Parse key=value pairs: JSON when the value parses as JSON, else the plain string."""
    overrides: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            _fail(f"--param {pair!r} is not key=value")
        if key not in named.example_params:
            known = ", ".join(named.example_params) or "(none)"
            _fail(f"unknown parameter {key!r} for {named.name}; known parameters: {known}")
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw
    return overrides


def _plain(value: Any) -> Any:
    """Convert a Neo4j value into JSON-able Python: dates as ISO strings, nodes as their properties."""
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time | neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Entity):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, Path):
        return [_plain(node) for node in value.nodes]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _cell(value: Any) -> str:
    """Render a plain value as one table or csv cell: strings as they are, the rest as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _print(keys: list[str], rows: list[Row], output: Format, *, fold: bool | None) -> None:
    """Print the rows to stdout as a rich table (folded when too wide), csv or a JSON array."""
    if output is Format.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif output is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([_cell(row[key]) for key in keys] for row in rows)
    else:
        print_table(console, keys, rows, fold=fold)


def _columns(keys: list[str], wanted: str | None) -> list[str]:
    """The columns to print: all, or those --columns names, in its order."""
    if wanted is None:
        return keys
    picked = [c.strip() for c in wanted.split(",") if c.strip()]
    unknown = [c for c in picked if c not in keys]
    if unknown or not picked:
        _fail(
            f"--columns {wanted!r}: no column {unknown[0] if unknown else ''!r}; columns: {', '.join(keys)}"
        )
    return picked


@cypher_app.command("list")
def list_queries(
    folder: Annotated[
        str | None, typer.Argument(help="Only the queries in this folder, e.g. alignment.")
    ] = None,
) -> None:
    """List the named queries: what each answers, its parameters, whether it writes."""
    queries = list(all_queries().values())
    if folder is not None:
        prefix = folder.strip("/") + "/"
        queries = [named for named in queries if named.name.startswith(prefix)]
        if not queries:
            folders = sorted({name.split("/")[0] for name in all_queries()})
            _fail(f"no queries in folder {folder!r}; folders: {', '.join(folders)}")
    table = Table(
        Column("query", no_wrap=True), "answers", "parameters", "writes", caption=f"{len(queries)} queries"
    )
    for named in queries:
        answers = named.header.splitlines()[0] if named.header else ""
        writes = "writes" if named.writes else ""
        table.add_row(
            *(Text(cell) for cell in (named.name, answers, ", ".join(named.example_params), writes))
        )
    console.print(table)


@cypher_app.command("show")
def show(name: Annotated[str, typer.Argument(help="The query, e.g. objectives/list_objectives.")]) -> None:
    """Print a query's header and Cypher, ready to paste into Neo4j Browser."""
    typer.echo(_named(name).text.rstrip("\n"))


@cypher_app.command("run")
def run(
    name: Annotated[str, typer.Argument(help="The query, e.g. objectives/list_objectives.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help=PARAM_HELP)] = None,
    output: Annotated[Format, typer.Option("--format", "-f", help="How to print the rows.")] = Format.table,
    write: Annotated[bool, typer.Option("--write", help="Allow a query that writes to run.")] = False,
    columns: Annotated[
        str | None,
        typer.Option("--columns", "-c", help="Only these columns, comma-separated, in this order."),
    ] = None,
    fold: Annotated[
        bool | None,
        typer.Option(
            "--fold/--no-fold",
            help="Table: one block of `column: value` lines per row. Default: fold when the columns do not "
            "fit the terminal's width.",
        ),
    ] = None,
) -> None:
    """Run a named query with its documented example parameters, or your overrides."""

    named = _named(name)
    overrides = _parse_overrides(named, param or [])
    if named.writes and not write:
        _fail(f"{named.name} writes to the graph; add --write to run it")
    routing = RoutingControl.WRITE if named.writes else RoutingControl.READ

    async def work(db: Database) -> tuple[list[str], list[Row]]:
        params = check_values(named.example_values(), overrides)
        if not named.writes:
            await check_ids(db, params)
        result = await db.driver.execute_query(
            named.text, parameters_=params, routing_=routing, database_=db.database
        )
        rows = [{key: _plain(record[key]) for key in result.keys} for record in result.records]
        return list(result.keys), rows

    settings, _ = settings_with_neo4j()
    try:
        keys, rows = with_db(settings, work)
    except DomainError as exc:
        # As the API answers: VALIDATION is a bad parameter (exit 2, like any usage error), NOT_FOUND exit 1.
        typer.echo(f"Error: {exc.code}: {exc.message}", err=True)
        raise typer.Exit(1 if isinstance(exc, NotFoundError) else 2) from None
    except (Neo4jError, DriverError) as exc:
        typer.echo(f"Error: {named.name} failed: {exc}", err=True)
        raise typer.Exit(1) from None
    _print(_columns(keys, columns), rows, output, fold=fold)
