"""`aligngraph check-schema` (run by `make check`): today's schema passes; a renamed field fails; a breaking
change listed under the changelog's Unreleased heading passes; a field is removed only once deprecated."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli.main import app
from api.cli.schema_check import CHANGELOG, RELEASED

ROOT = Path(__file__).resolve().parents[3]
SDL = (ROOT / "schema.graphql").read_text(encoding="utf-8")
runner = CliRunner()

RETYPED = "Field PageInfo.endCursor changed type from String to Int."


def _check(
    tmp_path: Path, sdl: str, *, changelog: str | None = None, released: str | None = None
) -> tuple[int, str]:
    schema = tmp_path / "schema.graphql"
    schema.write_text(sdl, encoding="utf-8")
    args = ["check-schema", str(schema)]
    if changelog is not None:
        (tmp_path / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
        args += ["--changelog", str(tmp_path / "CHANGELOG.md")]
    if released is not None:
        (tmp_path / "released.graphql").write_text(released, encoding="utf-8")
        args += ["--released", str(tmp_path / "released.graphql")]
    result = runner.invoke(app, args)
    return result.exit_code, result.output


def _changed(old: str, new: str, sdl: str = SDL) -> str:
    assert sdl.count(old) == 1, old
    return sdl.replace(old, new)


def test_the_schema_the_code_builds_passes_against_the_release() -> None:
    assert RELEASED.exists() and CHANGELOG.exists()
    result = runner.invoke(app, ["check-schema"])
    assert result.exit_code == 0, result.output
    assert "No unlisted breaking change against schema.released.graphql." in result.output


def test_a_renamed_field_fails(tmp_path: Path) -> None:
    code, output = _check(tmp_path, _changed("  hasNextPage: Boolean!\n", "  hasMorePages: Boolean!\n"))
    assert code == 1
    assert "BREAKING: Field PageInfo.hasNextPage was removed. It was not deprecated in the release" in output


def test_a_listed_breaking_change_passes_and_an_unlisted_one_fails(tmp_path: Path) -> None:
    retyped = _changed("  endCursor: String\n", "  endCursor: Int\n")
    code, output = _check(tmp_path, retyped)
    assert code == 1
    assert f"BREAKING: {RETYPED}" in output

    listed = (
        f"# Changelog\n\n## Unreleased\n\n### Breaking changes\n\n- `{RETYPED}` Cursors are numbers now.\n"
    )
    code, output = _check(tmp_path, retyped, changelog=listed)
    assert code == 0, output
    assert f"breaking, listed in CHANGELOG.md: {RETYPED}" in output

    # Listed under a release that is out already, it is not this release's change.
    released = f"# Changelog\n\n## Unreleased\n\nNothing yet.\n\n## 0.1.0\n\n- `{RETYPED}`\n"
    code, output = _check(tmp_path, retyped, changelog=released)
    assert code == 1, output


def test_a_field_deprecated_in_the_release_may_go_once_listed(tmp_path: Path) -> None:
    deprecated = _changed(
        "  hasNextPage: Boolean!\n", '  hasNextPage: Boolean! @deprecated(reason: "Use hasMorePages.")\n'
    )
    renamed = _changed("  hasNextPage: Boolean!\n", "  hasMorePages: Boolean!\n")
    removal = "Field PageInfo.hasNextPage was removed."
    code, output = _check(tmp_path, renamed, released=deprecated, changelog="## Unreleased\n")
    assert code == 1
    assert f"BREAKING: {removal}\n" in output
    code, output = _check(tmp_path, renamed, released=deprecated, changelog=f"## Unreleased\n- `{removal}`\n")
    assert code == 0, output


def test_additions_pass_and_dangerous_changes_are_shown(tmp_path: Path) -> None:
    added = _changed("  hasNextPage: Boolean!\n", "  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n")
    code, output = _check(tmp_path, added, changelog="## Unreleased\n")
    assert code == 0, output
    value = _changed("enum CycleStatus {\n", "enum CycleStatus {\n  ARCHIVED\n")
    code, output = _check(tmp_path, value, changelog="## Unreleased\n")
    assert code == 0, output
    assert "dangerous (allowed): Enum value CycleStatus.ARCHIVED was added." in output
