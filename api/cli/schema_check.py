"""`aligngraph check-schema`: no change to the GraphQL schema breaks a frontend without saying so.

The schema is compared with the last released one (schema.released.graphql) by graphql-core's
find_breaking_changes, the comparison graphql-js and graphql-inspector make. A breaking change passes only
when CHANGELOG.md's `## Unreleased` section quotes its description (as this command prints it). A field
is removed only once a release has deprecated it (`@deprecated(reason:)`): listing it is not enough.
Dangerous changes (an optional argument added, a default changed) are printed and pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
)
from graphql.utilities.find_schema_changes import BreakingChangeType

ROOT = Path(__file__).resolve().parents[2]
RELEASED = ROOT / "schema.released.graphql"
CHANGELOG = ROOT / "CHANGELOG.md"
_REMOVED_FIELD = re.compile(r"Field (\w+)\.(\w+) was removed\.")


@dataclass(frozen=True)
class SchemaReport:
    """What changed since the release: the breaking changes that are not allowed, and the others."""

    problems: list[str]
    listed: list[str]
    dangerous: list[str]


def unreleased(changelog: str) -> str:
    """The `## Unreleased` section of a changelog (empty when it has none)."""
    match = re.search(r"^## Unreleased[^\n]*\n(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    return match.group(1) if match else ""


def _deprecated(schema: GraphQLSchema, type_name: str, field_name: str) -> bool:
    kind = schema.get_type(type_name)
    if not isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
        return False
    field = kind.fields.get(field_name)
    return field is not None and field.deprecation_reason is not None


def compare(released_sdl: str, current_sdl: str, changelog: str) -> SchemaReport:
    """Compare two SDLs; a breaking change is allowed when the changelog's Unreleased section lists it."""
    released, current = build_schema(released_sdl), build_schema(current_sdl)
    section = unreleased(changelog)
    problems, listed = [], []
    for change in find_breaking_changes(released, current):
        removed = _REMOVED_FIELD.fullmatch(change.description)
        if (
            change.type is BreakingChangeType.FIELD_REMOVED
            and removed
            and not _deprecated(released, *removed.groups())
        ):
            problems.append(
                f"{change.description} It was not deprecated in the release: mark it "
                "@deprecated(reason: ...) and release that first."
            )
        elif change.description in section:
            listed.append(change.description)
        else:
            problems.append(change.description)
    dangerous = [change.description for change in find_dangerous_changes(released, current)]
    return SchemaReport(problems=problems, listed=listed, dangerous=dangerous)


def check_schema(
    schema: Annotated[
        Path | None, typer.Argument(help="The SDL to check (default: the schema the code builds).")
    ] = None,
    released: Annotated[Path, typer.Option(help="The last released SDL.")] = RELEASED,
    changelog: Annotated[Path, typer.Option(help="Where breaking changes are listed.")] = CHANGELOG,
) -> None:
    """Fail on a change to the schema that breaks clients, unless CHANGELOG.md's Unreleased section lists it."""
    if schema is None:
        from resolvers.schema import schema as built

        current = built.as_str()
    else:
        current = schema.read_text(encoding="utf-8")
    log = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
    report = compare(released.read_text(encoding="utf-8"), current, log)
    for description in report.dangerous:
        typer.echo(f"dangerous (allowed): {description}")
    for description in report.listed:
        typer.echo(f"breaking, listed in {changelog.name}: {description}")
    for description in report.problems:
        typer.echo(f"BREAKING: {description}", err=True)
    if report.problems:
        typer.echo(
            f"{len(report.problems)} breaking change(s) against {released.name}. Keep the old shape (add the "
            f"new beside it, deprecate the old), or quote each change under `## Unreleased` in {changelog.name}.",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"No unlisted breaking change against {released.name}.")
