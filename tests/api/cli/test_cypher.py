"""`aligngraph cypher`: list, show and run the named queries against the session's Neo4j and demo data.

The commands call asyncio.run themselves, so these tests are plain sync functions with a sync driver,
as in test_cli.py; the demo is loaded through the CLI (`seed demo`) for the same reason.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from typer.testing import CliRunner

from api.cli.cypher import _plain
from api.cli.main import app
from tests.api.cli.test_main import cli_env, driver

runner = CliRunner()
__all__ = ["cli_env", "driver"]  # fixtures shared with test_cli


@pytest.fixture
def demo_cli(driver: neo4j.Driver, cli_env: None) -> Iterator[neo4j.Driver]:
    """The demo organisation on a wiped database, with the CLI pointed at it."""
    result = runner.invoke(app, ["seed", "demo"])
    assert result.exit_code == 0, result.output
    yield driver


def _run(*args: str) -> Any:
    result = runner.invoke(app, ["cypher", "run", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_list_shows_queries_with_parameters_and_writes() -> None:
    result = runner.invoke(app, ["cypher", "list", "objectives"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "objectives/list_objectives" in line)
    assert "One page of objectives" in line and "teamId" in line and "writes" not in line
    assert "teams/list_teams" not in result.stdout
    create = next(line for line in result.stdout.splitlines() if "objectives/create_objective" in line)
    assert "writes" in create


def test_list_of_an_unknown_folder_exits_2() -> None:
    result = runner.invoke(app, ["cypher", "list", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.stderr and "objectives" in result.stderr


def test_show_prints_header_and_cypher() -> None:
    result = runner.invoke(app, ["cypher", "show", "objectives/get_objectives"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("// Objectives by id")
    assert "// :param ids =>" in result.stdout and "UNWIND $ids AS id" in result.stdout


@pytest.mark.usefixtures("demo_cli")
def test_run_with_documented_params_as_json() -> None:
    rows = json.loads(_run("objectives/get_objectives", "--format", "json"))
    objectives = {row["objective"]["id"]: row["objective"] for row in rows}
    assert set(objectives) == {"obj-discover-q1", "obj-digital-first-week"}
    discover = objectives["obj-discover-q1"]
    assert discover["title"] == "Make the first week seamless and confidence-boosting for new users"
    assert discover["ownerId"] == "team-discover" and discover["cycleId"] == "cycle-2026-q1"


@pytest.mark.usefixtures("demo_cli")
def test_run_with_documented_params_as_csv() -> None:
    rows = list(csv.reader(io.StringIO(_run("objectives/list_objectives", "--format", "csv"))))
    assert rows[0] == ["objective"]
    objectives = [json.loads(cell) for (cell,) in rows[1:]]
    ids = [objective["id"] for objective in objectives]
    assert "obj-discover-q1" in ids and ids == sorted(ids)
    assert {objective["tier"] for objective in objectives} == {"TEAM"}
    assert {objective["cycleId"] for objective in objectives} == {"cycle-2026-q1"}


@pytest.mark.usefixtures("demo_cli")
def test_param_override_changes_the_result() -> None:
    rows = json.loads(_run("objectives/list_objectives", "--param", "teamId=bu-platform", "-f", "json"))
    owners = {row["objective"]["ownerId"] for row in rows}
    assert owners and owners <= {"team-identity", "team-sre", "team-devex"}
    ids = '["obj-discover-q1", "obj-nothing"]'
    rows = json.loads(_run("objectives/get_objectives", "-p", f"ids={ids}", "-f", "json"))
    assert [row["objective"]["id"] for row in rows] == ["obj-discover-q1"]
    rows = json.loads(_run("objectives/list_objectives", "-p", "first=1", "-p", "teamId=null", "-f", "json"))
    assert len(rows) == 2  # first+1: the extra row tells hasNextPage


@pytest.mark.usefixtures("demo_cli")
def test_run_as_table() -> None:
    result = runner.invoke(
        app,
        ["cypher", "run", "organisations/get_organisations", "-p", 'ids=["org-bank"]'],
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == 0, result.output
    assert "Example Bank" in result.stdout and "1 row(s)" in result.stdout


@pytest.mark.usefixtures("cli_env")
def test_unknown_param_exits_2_naming_it_and_the_known_ones() -> None:
    result = runner.invoke(
        app, ["cypher", "run", "objectives/list_objectives", "--param", "team=bu-platform"]
    )
    assert result.exit_code == 2
    assert "'team'" in result.stderr and "teamId" in result.stderr and "cycleId" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("cli_env")
def test_unknown_query_exits_2_with_close_matches() -> None:
    result = runner.invoke(app, ["cypher", "run", "objectives/list_objective"])
    assert result.exit_code == 2
    assert "objectives/list_objective'" in result.stderr
    assert "objectives/list_objectives" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("demo_cli")
def test_a_parameter_of_the_wrong_type_exits_2_naming_it() -> None:
    result = runner.invoke(app, ["cypher", "run", "objectives/list_objectives", "-p", "first=many"])
    assert result.exit_code == 2
    assert "VALIDATION" in result.stderr and "'first' takes an integer" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("demo_cli")
def test_bad_counts_are_refused_as_the_api_refuses_them() -> None:
    negative = runner.invoke(app, ["cypher", "run", "objectives/list_objectives", "-p", "first=-1"])
    assert negative.exit_code == 2, negative.output
    assert "first must be at least 1, got -1" in negative.stderr
    depth = runner.invoke(app, ["cypher", "run", "alignment/alignment_tree", "-p", "depth=abc"])
    assert depth.exit_code == 2, depth.output
    assert "parameter 'depth' takes an integer, not 'abc'" in depth.stderr
    deep = runner.invoke(app, ["cypher", "run", "alignment/alignment_tree", "-p", "depth=99"])
    assert deep.exit_code == 2 and "depth must be between 1 and 8, got 99" in deep.stderr


@pytest.mark.usefixtures("demo_cli")
def test_an_unknown_id_is_not_found_instead_of_zero_rows() -> None:
    args = ["cypher", "run", "alignment/orphaned_objectives", "-p", "cycleId=cycle-2099-q9"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "NOT_FOUND: No cycle with id 'cycle-2099-q9' (cycleId)" in result.stderr
    # An id of another kind of node is just as unknown.
    team = runner.invoke(app, ["cypher", "run", "alignment/orphaned_objectives", "-p", "cycleId=bu-digital"])
    assert team.exit_code == 1 and "No cycle with id 'bu-digital'" in team.stderr
    assert "Traceback" not in result.output + team.output


@pytest.mark.usefixtures("demo_cli")
def test_a_wide_result_is_folded_one_block_per_row_with_rounded_floats() -> None:
    args = ["cypher", "run", "alignment/cross_team_dependencies", "-p", "asOf=2026-02-15"]
    result = runner.invoke(app, args, env={"COLUMNS": "150"})
    assert result.exit_code == 0, result.output
    assert "-- row 1 --" in result.stdout and "…" not in result.stdout
    lines = result.stdout.splitlines()
    assert any(line.strip().startswith("expectedProgress: 0.") for line in lines), result.stdout
    # Every float has at most 4 decimals.
    expected = [line.split(": ", 1)[1] for line in lines if line.strip().startswith("expectedProgress:")]
    assert all(len(value.split(".")[1]) <= 4 for value in expected if "." in value), expected
    assert "row(s)" in lines[-1]


@pytest.mark.usefixtures("demo_cli")
def test_columns_pick_what_a_table_shows() -> None:
    args = ["cypher", "run", "alignment/cross_team_dependencies", "-p", "asOf=2026-02-15"]
    result = runner.invoke(app, [*args, "--columns", "fromTitle,riskReasons"], env={"COLUMNS": "150"})
    assert result.exit_code == 0, result.output
    assert "-- row" not in result.stdout and "fromTitle" in result.stdout and "riskReasons" in result.stdout
    assert "toTitle" not in result.stdout
    bad = runner.invoke(app, [*args, "--columns", "nope"])
    assert bad.exit_code == 2 and "no column 'nope'" in bad.stderr and "fromTitle" in bad.stderr


def test_param_without_equals_exits_2() -> None:
    result = runner.invoke(app, ["cypher", "run", "objectives/list_objectives", "-p", "teamId"])
    assert result.exit_code == 2
    assert "key=value" in result.stderr


def test_write_query_is_refused_without_write(demo_cli: neo4j.Driver) -> None:
    refused = runner.invoke(app, ["cypher", "run", "organisations/create_organisation"])
    assert refused.exit_code == 2
    assert "--write" in refused.stderr
    found, _, _ = demo_cli.execute_query("MATCH (o:Organisation {id: 'org-example'}) RETURN o")
    assert found == []

    rows = json.loads(_run("organisations/create_organisation", "--write", "-f", "json"))
    assert rows == [
        {
            "organisation": {
                "id": "org-example",
                "name": "Example Bank",
                "vision": "Banking that fits in a pocket",
                "objectiveLimit": 4,
            }
        }
    ]
    found, _, _ = demo_cli.execute_query("MATCH (o:Organisation {id: 'org-example'}) RETURN o")
    assert len(found) == 1


def test_dates_and_nodes_become_plain_json(demo_cli: neo4j.Driver) -> None:
    args = ["cycles/create_cycle", "--write", "-p", "endDate=2026-06-29", "-p", "parentId=null", "-f", "json"]
    [row] = json.loads(_run(*args))
    assert row["cycle"]["startDate"] == "2026-04-01" and row["cycle"]["endDate"] == "2026-06-29"
    stored, _, _ = demo_cli.execute_query("MATCH (c:Cycle {id: 'cycle-example'}) RETURN c.endDate AS d")
    assert isinstance(stored[0]["d"], neo4j.time.Date)

    nodes, _, _ = demo_cli.execute_query("MATCH (c:Cycle {id: 'cycle-example'}) RETURN c, [c] AS cs")
    plain = _plain(nodes[0]["cs"])
    assert plain == [_plain(nodes[0]["c"])] and plain[0]["endDate"] == "2026-06-29"
    assert json.loads(json.dumps(plain)) == plain

    bad = runner.invoke(app, ["cypher", "run", "cycles/create_cycle", "--write", "-p", "endDate=June"])
    assert bad.exit_code == 2 and "endDate" in bad.stderr


@pytest.mark.usefixtures("demo_cli")
def test_analysts_get_the_orphans_and_at_risk_dependencies_as_csv() -> None:
    orphans = list(
        csv.DictReader(
            io.StringIO(
                _run("alignment/orphaned_objectives", "--param", "cycleId=cycle-2026", "--format", "csv")
            )
        )
    )
    assert [(row["id"], row["reason"], row["ownerName"]) for row in orphans] == [
        ("obj-payments-q1", "NO_PARENT", "Payments")
    ]
    at_risk = list(
        csv.DictReader(
            io.StringIO(
                _run("alignment/cross_team_dependencies", "--param", "atRiskOnly=true", "--format", "csv")
            )
        )
    )
    assert [(row["fromOwner"], row["toOwner"], json.loads(row["riskReasons"])) for row in at_risk] == [
        ("Discover", "Identity", ["BEHIND", "LOW_CONFIDENCE"]),
        ("SME Onboarding", "Identity", ["BEHIND", "LOW_CONFIDENCE"]),
    ]
