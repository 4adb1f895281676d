"""The `aligngraph` command line against the session's Neo4j.

The commands call asyncio.run themselves, so these tests are plain sync functions and use a sync driver
(the async `db` fixture lives on the session's event loop). They never start or stop the local 'dev' server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import neo4j
import pytest
from typer.testing import CliRunner

from api.cli.common import local_name
from api.cli.main import app
from api.settings import get_settings
from runtime import local_neo4j

runner = CliRunner()


@pytest.fixture
def driver(neo4j_uri: str) -> Iterator[neo4j.Driver]:
    """A sync driver on the session's Neo4j, with the data wiped first (as the autouse wipe does for `db`)."""
    password = os.environ.get("AG_TEST_NEO4J_PASSWORD", "x")
    with neo4j.GraphDatabase.driver(neo4j_uri, auth=("neo4j", password)) as sync_driver:
        sync_driver.execute_query("MATCH (n) DETACH DELETE n")
        yield sync_driver


@pytest.fixture
def cli_env(neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the CLI at the session's Neo4j, so it never starts the local 'dev' server."""
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    if "AG_TEST_NEO4J_PASSWORD" in os.environ:
        monkeypatch.setenv("NEO4J_PASSWORD", os.environ["AG_TEST_NEO4J_PASSWORD"])
    monkeypatch.delenv("AG_NEO4J_URI", raising=False)
    get_settings.cache_clear()
    # Guard: with NEO4J_URI unread, `schema apply` and `seed demo` would start the dev server.
    assert get_settings().neo4j_uri == neo4j_uri
    yield
    get_settings.cache_clear()


def _counts(driver: neo4j.Driver) -> tuple[dict[str, int], int]:
    """Nodes per label, and the number of relationships."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
    )
    edges, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return {record["label"]: record["n"] for record in nodes}, edges[0]["n"]


@pytest.mark.usefixtures("cli_env")
def test_schema_apply(driver: neo4j.Driver) -> None:
    result = runner.invoke(app, ["schema", "apply"])
    assert result.exit_code == 0, result.output
    assert "Schema applied" in result.output
    constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    assert "team_id" in constraints[0]["names"]


@pytest.mark.usefixtures("cli_env")
def test_seed_demo_twice_changes_nothing(driver: neo4j.Driver) -> None:
    first = runner.invoke(app, ["seed", "demo"])
    assert first.exit_code == 0, first.output
    assert "Demo organisation loaded" in first.output
    after_first = _counts(driver)
    assert after_first[0].get("Objective", 0) > 0 and after_first[1] > 0

    second = runner.invoke(app, ["seed", "demo"])
    assert second.exit_code == 0, second.output
    assert _counts(driver) == after_first


@pytest.mark.usefixtures("cli_env")
def test_seed_demo_reset_undoes_every_change_and_keeps_tokens(driver: neo4j.Driver) -> None:
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    as_new = _counts(driver)
    token = runner.invoke(app, ["token", "create", "me", "--scope", "admin"])
    assert token.exit_code == 0, token.output
    # What the README's mutation examples do: a new objective, a pushed value, a check-in, a closed cycle,
    # a carried-over copy (owned by a demo team), an edit.
    driver.execute_query(
        """MATCH (t:Team {id: 'team-care'}), (c:Cycle {id: 'cycle-2026-q2'}), (k:KeyResult {id: 'kr-discover-completion'})
        CREATE (o:Objective {id: 'obj-care-q2', title: 'Answer new customers on the first call'})-[:OWNED_BY]->(t),
               (o)-[:IN_CYCLE]->(c), (o)-[:HAS_KEY_RESULT]->(:KeyResult {id: 'kr-care-q2'}),
               (k)-[:HAS_MEASUREMENT]->(:Measurement {id: 'm-readme', value: 77.5})
        SET k.current = 77.5
        WITH c MATCH (q1:Cycle {id: 'cycle-2026-q1'}) SET q1.status = 'CLOSED'"""
    )
    assert _counts(driver) != as_new

    reset = runner.invoke(app, ["seed", "demo", "--reset"])
    assert reset.exit_code == 0, reset.output
    assert "reset and loaded" in reset.output
    labels, edges = _counts(driver)
    assert labels.pop("ApiToken") == 1  # the token made before the reset still works
    assert (labels, edges) == as_new
    rows, _, _ = driver.execute_query(
        "MATCH (k:KeyResult {id: 'kr-discover-completion'}), (q1:Cycle {id: 'cycle-2026-q1'}) "
        "RETURN k.current AS current, k.externalKey AS key, q1.status AS status"
    )
    assert rows[0].data() == {"current": 72.0, "key": "amplitude:onboarding_completion", "status": None}


def test_neo4j_status_without_a_dev_server_exits_1() -> None:
    if local_neo4j.status(local_name()) is not None:
        pytest.skip("a local 'dev' Neo4j is running on this machine; not touching it")
    result = runner.invoke(app, ["neo4j", "status"])
    assert result.exit_code == 1, result.output
    assert "not running" in result.output
