"""`aligngraph token create --org ID | --all-organisations`: a token belongs to one organisation, or
explicitly to every one; the README's token commands run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from api.cli.main import app
from tests.api.cli.test_main import cli_env, driver

runner = CliRunner()
__all__ = ["cli_env", "driver"]
pytestmark = pytest.mark.usefixtures("cli_env")
README = (Path(__file__).parents[2] / "README.md").read_text()
TOKEN_SECTION = README.split("## Tokens and scopes")[1].split("\n## ")[0]
CREATES = [
    shlex.split(line.split("#")[0])[1:]
    for line in re.findall(r"```sh\n(.*?)```", TOKEN_SECTION, re.S)[0].splitlines()
    if " token create " in line
]


def _stored(driver: neo4j.Driver) -> dict[str, tuple[str | None, bool | None]]:
    rows, _, _ = driver.execute_query(
        "MATCH (t:ApiToken) RETURN t.name AS name, t.organisationId AS org, t.allOrganisations AS every"
    )
    return {r["name"]: (r["org"], r["every"]) for r in rows}


def test_the_readme_token_commands_run_as_written(driver: neo4j.Driver) -> None:
    assert len(CREATES) == 3 and any("--all-organisations" in c for c in CREATES)
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    for args in CREATES:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip().splitlines()[-1].startswith("ag_")
    assert _stored(driver) == {
        "amplitude sync": ("org-bank", False),  # the only organisation
        "planning UI": ("org-bank", False),
        "operator": (None, True),
    }
    listed = runner.invoke(app, ["token", "list"])
    assert listed.exit_code == 0 and "org-bank" in listed.stdout and "all" in listed.stdout


def test_with_several_organisations_a_token_names_its_own(driver: neo4j.Driver) -> None:
    none_yet = runner.invoke(app, ["token", "create", "early", "--scope", "read"])
    assert (
        none_yet.exit_code == 2
        and "VALIDATION" in none_yet.output
        and "--all-organisations" in none_yet.output
    )
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    driver.execute_query(
        "CREATE (o:Organisation {id: 'org-b', name: 'B'})"
        "<-[:BELONGS_TO]-(:Team {id: 'b-team', name: 'B team', kind: 'TEAM', organisationId: 'org-b'})"
    )
    ambiguous = runner.invoke(app, ["token", "create", "which", "--scope", "read"])
    assert ambiguous.exit_code == 2, ambiguous.output
    assert "VALIDATION" in ambiguous.output and "org-b" in ambiguous.output and "org-bank" in ambiguous.output
    unknown = runner.invoke(app, ["token", "create", "x", "--scope", "read", "--org", "org-nope"])
    assert unknown.exit_code == 2 and "NOT_FOUND" in unknown.output
    both = runner.invoke(
        app, ["token", "create", "x", "--scope", "read", "--org", "org-b", "--all-organisations"]
    )
    assert both.exit_code == 2 and "VALIDATION" in both.output
    # A push token's teams are its organisation's: another organisation's team is not found.
    crossing = ["token", "create", "x", "--scope", "push", "--team", "b-team", "--org", "org-bank"]
    result = runner.invoke(app, crossing)
    assert result.exit_code == 2 and "NOT_FOUND" in result.output
    made = runner.invoke(
        app, ["token", "create", "b push", "--scope", "push", "--team", "b-team", "--org", "org-b"]
    )
    assert made.exit_code == 0, made.output
    assert _stored(driver) == {"b push": ("org-b", False)}
