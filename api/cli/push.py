"""`aligngraph push FILE`: send key-result values from CSV or JSON lines to a running service."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Annotated

import typer
from aligngraph_client import (
    DEFAULT_URL,
    MAX_BATCH,
    AlignGraphError,
    Client,
    GraphQLError,
    PushResult,
    PushStatus,
)
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli.push_file import FIELDS, Format, Row, RowError, guess_format, read_rows

console = Console(highlight=False, soft_wrap=True)
SHOWN = 50  # rejected values and file errors listed at most

EXIT_REJECTED, EXIT_BAD_FILE, EXIT_SERVICE = 1, 2, 3


def push(
    file: Annotated[str, typer.Argument(help="A .csv or .jsonl file, or - to read standard input.")],
    format: Annotated[
        Format | None, typer.Option("--format", "-f", help="csv or jsonl (default: by extension or content).")
    ] = None,
    url: Annotated[str, typer.Option(envvar="AG_URL", help="The service's GraphQL endpoint.")] = DEFAULT_URL,
    token: Annotated[
        str | None, typer.Option(envvar="AG_TOKEN", help="An API token with the push (or admin) scope.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="The source of rows that name none.")] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, max=MAX_BATCH, help="Values per call (the service takes 10,000 at most).")
    ] = 1000,
) -> None:
    """Push key-result values from a CSV or JSON-lines file (or stdin) to a running service.

    Columns (CSV header row) or fields (one JSON object a line): keyResultId or externalKey, value, observedAt
    (ISO 8601 with a time zone), source, idempotencyKey (optional). A row without an idempotencyKey gets one
    made from its content, so pushing the same file again reports DUPLICATE and stores nothing twice. Every
    row is checked first: if any is malformed, nothing is pushed.

    Exit codes: 0 all values accepted or duplicate; 1 some rejected by the service (listed with line and
    reason); 2 the file is unreadable or has malformed rows; 3 the service could not be reached or refused
    the push (e.g. UNAUTHENTICATED, FORBIDDEN). Network errors and 5xx are retried with backoff.
    """
    name, text = _read(file)
    fmt = format or guess_format(name, text)
    rows, errors = read_rows(text, fmt, default_source=source)
    if errors:
        _fail_file(name, errors)
    if not rows:
        console.print(f"No values in {name}.")
        return
    result = _send(rows, url=url, token=token, batch_size=batch_size)
    _summary(name, url, rows, result)
    if result.rejected:
        raise typer.Exit(EXIT_REJECTED)


def _paragraphs(text: str) -> str:
    """The help text with each paragraph on one line: typer keeps single line breaks after the first one."""
    return "\n\n".join(" ".join(part.split()) for part in inspect.cleandoc(text).split("\n\n"))


HELP = _paragraphs(push.__doc__ or "")


def _read(file: str) -> tuple[str, str]:
    if file == "-":
        return "stdin", sys.stdin.read()
    try:
        return file, Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        console.print(f"[red]Cannot read {file}:[/red] {exc}")
        raise typer.Exit(EXIT_BAD_FILE) from None


def _fail_file(name: str, errors: list[RowError]) -> None:
    console.print(f"[red]{name}: {len(errors)} malformed row(s); nothing was pushed.[/red]")
    for error in errors[:SHOWN]:
        console.print(f"  {name} {error}")
    if len(errors) > SHOWN:
        console.print(f"  ... and {len(errors) - SHOWN} more")
    console.print(f"Expected fields: {', '.join(FIELDS)}.")
    raise typer.Exit(EXIT_BAD_FILE)


def _send(rows: list[Row], *, url: str, token: str | None, batch_size: int) -> PushResult:
    columns = (TextColumn("Pushing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with (
            Client(url, token=token, batch_size=batch_size) as client,
            Progress(*columns, console=console) as bar,
        ):
            task = bar.add_task("push", total=len(rows))
            return client.push_values(
                [row.value for row in rows], progress=lambda done, _total: bar.update(task, completed=done)
            )
    except GraphQLError as error:
        where = f" ({error.field}={error.value!r})" if error.field else ""
        console.print(f"[red]The service refused the push: {error.code}: {error.message}{where}[/red]")
    except AlignGraphError as error:
        console.print(f"[red]Could not push to {url}: {error}[/red]")
    console.print(
        "Values sent before the failure are stored; pushing the file again is safe (idempotency keys)."
    )
    raise typer.Exit(EXIT_SERVICE)


def _summary(name: str, url: str, rows: list[Row], result: PushResult) -> None:
    console.print(
        f"{name}: {len(rows)} values pushed to {url}: [green]{result.accepted} accepted[/green], "
        f"{result.duplicates} duplicate, [red]{result.rejected} rejected[/red]."
    )
    rejected = [item for item in result.items if item.status is PushStatus.REJECTED]
    for item in rejected[:SHOWN]:
        row = rows[item.index]
        console.print(f"  line {row.line} ({row.target}): {item.reason}: {item.message}")
    if len(rejected) > SHOWN:
        console.print(f"  ... and {len(rejected) - SHOWN} more rejected")
