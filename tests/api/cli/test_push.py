"""`aligngraph push FILE` against a real uvicorn serving the app on the demo organisation.

The command blocks (it uses the sync client), so it runs in a thread while the server answers in the test's
event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from api.cli.main import app
from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL
from tests.live_server import LiveServer

runner = CliRunner()
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
T1, T2, T3 = ((NOW - dt.timedelta(days=d)).isoformat() for d in (3, 2, 1))
HISTORY = """
query($id: ID!) { keyResult(id: $id) { current history(first: 100) {
  totalCount nodes { value observedAt source idempotencyKey } } } }
"""
LINK = """
mutation($id: ID!, $key: String!) { updateKeyResult(id: $id, input: {externalKey: $key}) { id externalKey } }
"""


async def push(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return await asyncio.to_thread(runner.invoke, app, ["push", *args], input=input, env=env)


@pytest.fixture
async def env(live_server: LiveServer, db: Database, demo: Any, gql: GraphQL) -> dict[str, str]:
    """AG_URL and AG_TOKEN (push scope) for the live server; kr-discover-completion gets an externalKey."""
    await gql.ok(LINK, id="kr-discover-completion", key="amplitude:onboarding")
    token = (await create_token(db, name="cli", scopes=["push"], team_ids=[]))[1]
    return {"AG_URL": live_server.graphql_url, "AG_TOKEN": token}


async def history(gql: GraphQL, kr: str) -> dict[str, Any]:
    data = await gql.ok(HISTORY, id=kr)
    found: dict[str, Any] = data["keyResult"]
    return found


def closed_port_url() -> str:
    with socket.socket() as sock:  # bound, then released: nothing listens there
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/graphql"


async def test_a_csv_file_is_pushed_and_pushing_it_again_reports_duplicates(
    tmp_path: Path, env: dict[str, str], gql: GraphQL
) -> None:
    before = {
        kr: (await history(gql, kr))["history"]["totalCount"]
        for kr in ("kr-discover-completion", "kr-discover-tutorial")
    }
    path = tmp_path / "values.csv"
    path.write_text(
        "keyResultId,externalKey,value,observedAt,source,idempotencyKey\n"
        f"kr-discover-completion,,70.5,{T1},amplitude,\n"
        f",amplitude:onboarding,71,{T2},amplitude,\n"
        f"kr-nope,,3,{T1},amplitude,\n"
        f"kr-discover-tutorial,,40,{T3},ci,tutorial-{T3}\n"
    )
    first = await push(str(path), env=env)
    assert first.exit_code == 1, first.output  # something was rejected
    assert "4 values pushed" in first.output and "3 accepted, 0 duplicate, 1 rejected" in first.output
    assert "line 4 (keyResultId kr-nope): UNKNOWN_KEY_RESULT" in first.output

    completion = await history(gql, "kr-discover-completion")
    assert completion["history"]["totalCount"] == before["kr-discover-completion"] + 2
    mine = [m for m in completion["history"]["nodes"] if m["source"] == "amplitude"]
    assert sorted(m["value"] for m in mine) == [70.5, 71.0]
    assert all(m["idempotencyKey"].startswith("row:") for m in mine)  # derived from the row's content
    assert completion["current"] == 71.0  # the latest observed of the two
    tutorial = await history(gql, "kr-discover-tutorial")
    assert tutorial["history"]["totalCount"] == before["kr-discover-tutorial"] + 1
    assert tutorial["history"]["nodes"][0]["idempotencyKey"] == f"tutorial-{T3}"  # the file's own key

    again = await push(str(path), env=env)
    assert again.exit_code == 1, again.output
    assert "0 accepted, 3 duplicate, 1 rejected" in again.output
    assert (await history(gql, "kr-discover-completion"))["history"] == completion["history"]
    assert (await history(gql, "kr-discover-tutorial"))["history"]["totalCount"] == before[
        "kr-discover-tutorial"
    ] + 1


async def test_json_lines_then_the_same_values_as_csv_on_stdin_are_duplicates(
    tmp_path: Path, env: dict[str, str], gql: GraphQL
) -> None:
    before = (await history(gql, "kr-discover-tickets"))["history"]["totalCount"]
    rows = [
        {"keyResultId": "kr-discover-tickets", "value": 120, "observedAt": T1, "source": "zendesk"},
        {"keyResultId": "kr-discover-tickets", "value": 110.25, "observedAt": T2, "source": "zendesk"},
    ]
    path = tmp_path / "values.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n")
    first = await push(str(path), "--batch-size", "1", env=env)
    assert first.exit_code == 0, first.output
    assert "Pushing" in first.output  # the progress bar
    assert "2 values pushed" in first.output and "2 accepted, 0 duplicate, 0 rejected" in first.output
    assert (await history(gql, "kr-discover-tickets"))["history"]["totalCount"] == before + 2

    # The same two values from stdin as CSV (a time written with another offset is the same instant), and a
    # new one: the key comes from what a row says, not from the file's format or name.
    shifted = dt.datetime.fromisoformat(T2).astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat()
    csv_text = (
        "keyResultId,value,observedAt\n"
        f"kr-discover-tickets,120,{T1}\n"
        f"kr-discover-tickets,110.25,{shifted}\n"
        f"kr-discover-tickets,99,{T3}\n"
    )
    piped = await push("-", "--source", "zendesk", input=csv_text, env=env)
    assert piped.exit_code == 0, piped.output
    assert "stdin: 3 values pushed" in piped.output and "1 accepted, 2 duplicate, 0 rejected" in piped.output
    tickets = await history(gql, "kr-discover-tickets")
    assert tickets["history"]["totalCount"] == before + 3
    assert tickets["current"] == 99.0

    jsonl_from_stdin = await push("-", input=path.read_text(), env=env)
    assert jsonl_from_stdin.exit_code == 0 and "0 accepted, 2 duplicate" in jsonl_from_stdin.output


async def test_without_a_token_the_service_refuses_and_the_exit_code_is_3(
    tmp_path: Path, env: dict[str, str]
) -> None:
    path = tmp_path / "values.csv"
    path.write_text(f"keyResultId,value,observedAt,source\nkr-discover-completion,1,{T1},x\n")
    result = await push(str(path), "--url", env["AG_URL"], env={"AG_TOKEN": ""})
    assert result.exit_code == 3, result.output
    assert "UNAUTHENTICATED" in result.output


def test_malformed_rows_are_named_by_line_and_field_and_nothing_is_pushed(tmp_path: Path) -> None:
    path = tmp_path / "values.csv"
    path.write_text(
        "keyResultId,externalKey,value,observedAt,source\n"
        f"kr-a,,abc,{T1},s\n"
        "kr-a,,1,2025-01-01,s\n"
        f",,1,{T1},s\n"
        f"kr-a,amp:x,1,{T1},s\n"
        f"kr-a,,1,{T1},\n"
        f"kr-a,,inf,{T1},s\n"
        f"kr-a,,2.5,{T1},s\n"
    )
    # Nothing listens at the URL: exit code 2 (not 3) shows that the command never tried to push.
    result = runner.invoke(app, ["push", str(path), "--url", closed_port_url(), "--token", "ag_x"])
    assert result.exit_code == 2, result.output
    assert "6 malformed row(s); nothing was pushed" in result.output
    for expected in (
        "line 2: value: 'abc' is not a number",
        "line 3: observedAt: '2025-01-01' has no time zone",
        "line 4: keyResultId: is missing: give keyResultId or externalKey",
        "line 5: keyResultId: give only one of keyResultId or externalKey",
        "line 6: source: is missing (or pass --source)",
        "line 7: value: 'inf' is not a finite number",
    ):
        assert expected in result.output
    assert "line 8" not in result.output


def test_malformed_json_lines_and_headers_are_named(tmp_path: Path) -> None:
    url = closed_port_url()
    lines = tmp_path / "values.jsonl"
    lines.write_text(
        f'{{"keyResultId": "kr-a", "value": true, "observedAt": "{T1}", "source": "s"}}\n'
        "not json\n"
        f'{{"keyResultId": "kr-a", "valeu": 1, "observedAt": "{T1}", "source": "s"}}\n'
        "[1, 2]\n"
    )
    result = runner.invoke(app, ["push", str(lines), "--url", url])
    assert result.exit_code == 2, result.output
    for expected in (
        "line 1: value: True is not a number",
        "line 2: not JSON",
        "line 3: valeu: unknown field 'valeu'",
        "line 4: each line must be a JSON object",
    ):
        assert expected in result.output

    header = tmp_path / "header.txt"
    header.write_text(f"krId,value,observedAt\nkr-a,1,{T1}\n")
    unknown = runner.invoke(app, ["push", str(header), "--format", "csv", "--url", url])
    assert unknown.exit_code == 2 and "line 1: unknown column 'krId'" in unknown.output
    header.write_text(f"keyResultId,observedAt\nkr-a,{T1}\n")
    lacking = runner.invoke(app, ["push", str(header), "--url", url])
    assert lacking.exit_code == 2 and "line 1: the header row lacks value" in lacking.output
    missing = runner.invoke(app, ["push", str(tmp_path / "nope.csv"), "--url", url])
    assert missing.exit_code == 2 and "Cannot read" in missing.output


def test_help_states_the_formats_the_derived_keys_and_the_exit_codes() -> None:
    result = runner.invoke(app, ["push", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "keyResultId or externalKey, value, observedAt" in text
    assert "pushing the same file again reports DUPLICATE and stores nothing twice" in text
    assert "1 some rejected by the service" in text and "AG_TOKEN" in text
