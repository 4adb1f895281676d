"""`aligngraph token create|list|revoke`, and the created secret working (then not) against the API."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx
import neo4j
import pytest
from typer.testing import CliRunner

from api.cli.main import app
from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.integrations.tokens import hash_secret
from tests.api.cli.test_main import cli_env, driver

runner = CliRunner()
__all__ = ["cli_env", "driver"]  # fixtures shared with test_cli
pytestmark = pytest.mark.usefixtures("cli_env")


def _ask(uri: str, secret: str, query: str) -> dict[str, Any]:
    """Post one GraphQL request with the token to a fresh app on the session's Neo4j."""

    async def go() -> dict[str, Any]:
        password = os.environ.get("AG_TEST_NEO4J_PASSWORD", "x")
        db = Database.connect(uri, user="neo4j", password=password)
        try:
            app_ = create_app(Settings(token_cache_seconds=0), db=db)
            transport = httpx.ASGITransport(app=app_)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                headers = {"Authorization": f"Bearer {secret}"}
                response = await http.post("/graphql", json={"query": query}, headers=headers)
                body: dict[str, Any] = response.json()
                return body
        finally:
            await db.close()

    return asyncio.run(go())


def _seed(driver: neo4j.Driver) -> None:
    result = runner.invoke(app, ["seed", "demo"])
    assert result.exit_code == 0, result.output


def test_create_use_list_revoke(driver: neo4j.Driver, neo4j_uri: str) -> None:
    _seed(driver)
    created = runner.invoke(
        app, ["token", "create", "amplitude sync", "--scope", "push", "--team", "team-discover"]
    )
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("ag_")
    stored, _, _ = driver.execute_query(
        "MATCH (t:ApiToken) RETURN t.id AS id, t.hash AS hash, t.teamIds AS teams"
    )
    assert [(r["hash"], r["teams"]) for r in stored] == [(hash_secret(secret), ["team-discover"])]
    token_id = stored[0]["id"]

    answer = _ask(neo4j_uri, secret, '{ team(id: "team-discover") { name } }')
    assert answer["data"] == {"team": {"name": "Discover"}}

    listed = runner.invoke(app, ["token", "list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert token_id in listed.output and "amplitude sync" in listed.output and secret not in listed.output

    revoked = runner.invoke(app, ["token", "revoke", token_id])
    assert revoked.exit_code == 0, revoked.output
    answer = _ask(neo4j_uri, secret, '{ team(id: "team-discover") { name } }')
    assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["token", "create", "x", "--scope", "write", "--team", "team-discover"], "VALIDATION"),
        (["token", "create", "x", "--scope", "push", "--team", "team-nope"], "NOT_FOUND"),
        (["token", "create", "  ", "--scope", "read"], "VALIDATION"),
        (["token", "revoke", "tok-nope"], "NOT_FOUND"),
    ],
)
def test_bad_input_is_refused(driver: neo4j.Driver, args: list[str], message: str) -> None:
    _seed(driver)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    tokens, _, _ = driver.execute_query("MATCH (t:ApiToken) RETURN count(t) AS n")
    assert tokens[0]["n"] == 0


def test_unknown_scope_is_a_usage_error(driver: neo4j.Driver) -> None:
    result = runner.invoke(app, ["token", "create", "x", "--scope", "superuser"])
    assert result.exit_code == 2
    assert "superuser" in result.output
