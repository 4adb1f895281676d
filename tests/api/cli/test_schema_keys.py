"""`aligngraph schema apply` on a database written before ids were unique across kinds: it gives every object
the :Keyed label, or, when objects of two kinds share an id, lists them and stops before changing anything."""

from __future__ import annotations

import neo4j
from typer.testing import CliRunner

from api.cli.main import app
from graph.core.keys import KINDS
from tests.api.cli.test_main import cli_env, driver

runner = CliRunner()
__all__ = ["cli_env", "driver"]  # fixtures shared with test_cli

LABELS = "|".join(KINDS)


def _count(driver: neo4j.Driver, cypher: str) -> int:
    records, _, _ = driver.execute_query(cypher)
    return int(records[0][0])


def _constraint(driver: neo4j.Driver) -> bool:
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name WHERE name = 'keyed_id' RETURN name")
    return bool(records)


def _as_before(driver: neo4j.Driver) -> int:
    """Make the demo look written by an earlier version: no :Keyed label, no keyed_id constraint."""
    driver.execute_query("DROP CONSTRAINT keyed_id IF EXISTS")
    driver.execute_query(f"MATCH (n:{LABELS}) REMOVE n:Keyed")
    return _count(driver, f"MATCH (n:{LABELS}) RETURN count(n)")


def test_schema_apply_keys_an_older_database(driver: neo4j.Driver, cli_env: None) -> None:
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    objects = _as_before(driver)
    try:
        result = runner.invoke(app, ["schema", "apply"])
        assert result.exit_code == 0, result.output
        assert _constraint(driver)
        assert _count(driver, "MATCH (n:Keyed) RETURN count(n)") == objects
        assert _count(driver, f"MATCH (n:{LABELS}) WHERE NOT n:Keyed RETURN count(n)") == 0
        again = runner.invoke(app, ["schema", "apply"])
        assert again.exit_code == 0, again.output
    finally:
        runner.invoke(app, ["schema", "apply"])


def test_schema_apply_lists_ids_two_kinds_share_and_changes_nothing(
    driver: neo4j.Driver, cli_env: None
) -> None:
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    _as_before(driver)
    # What an earlier version accepted: a priority named like a key result, and a cycle like a team.
    driver.execute_query(
        "MATCH (c:Cycle {id: 'cycle-2026'}) "
        "CREATE (:Priority {id: 'kr-discover-tutorial', title: 'Clash', organisationId: 'org-bank'})-[:IN_CYCLE]->(c), "
        "(:Cycle {id: 'team-discover', name: 'Clash', kind: 'YEAR', organisationId: 'org-bank'})"
    )
    try:
        result = runner.invoke(app, ["schema", "apply"])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert "held by objects of more than one kind" in result.output
        assert "'kr-discover-tutorial': " in result.output and "'team-discover': " in result.output
        assert "KeyResult of organisation 'org-bank'" in result.output
        assert "Priority of organisation 'org-bank'" in result.output
        assert "Cycle of organisation 'org-bank'" in result.output
        assert "Nothing was changed" in result.output
        # Nothing half-applied: no label given, no constraint made.
        assert _count(driver, "MATCH (n:Keyed) RETURN count(n)") == 0
        assert not _constraint(driver)
        # Once one of each is renamed, the schema applies.
        driver.execute_query("MATCH (p:Priority {id: 'kr-discover-tutorial'}) SET p.id = 'prio-clash'")
        driver.execute_query("MATCH (c:Cycle {id: 'team-discover'}) SET c.id = 'cycle-clash'")
        fixed = runner.invoke(app, ["schema", "apply"])
        assert fixed.exit_code == 0, fixed.output
        assert _count(driver, f"MATCH (n:{LABELS}) WHERE NOT n:Keyed RETURN count(n)") == 0
    finally:
        driver.execute_query(
            "MATCH (n) WHERE n.id IN ['kr-discover-tutorial', 'team-discover', 'prio-clash', 'cycle-clash'] AND (n:Priority OR n:Cycle) DETACH DELETE n"
        )
        runner.invoke(app, ["schema", "apply"])
