"""`aligngraph alignment rebuild`: repairs the maintained alignment state after another tool wrote the graph."""

from __future__ import annotations

import neo4j
from typer.testing import CliRunner

from api.cli.main import app
from api.main import create_app
from graph.core.db import Database
from tests.api.cli.test_main import cli_env, driver

runner = CliRunner()
__all__ = ["cli_env", "driver"]  # fixtures shared with test_cli


def _orphans(driver: neo4j.Driver) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (o:Orphaned) RETURN o.id AS id ORDER BY id")
    return [r["id"] for r in records]


def test_rebuild_puts_back_the_state_another_tool_wiped(driver: neo4j.Driver, cli_env: None) -> None:
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    orphans = _orphans(driver)
    assert orphans  # the demo has an orphaned team objective and a strategic one with no priority
    driver.execute_query("MATCH (o:Orphaned) REMOVE o:Orphaned, o.alignCycles")
    assert _orphans(driver) == []
    result = runner.invoke(app, ["alignment", "rebuild", "--org", "org-bank"])
    assert result.exit_code == 0, result.output
    assert "org-bank: alignment state rebuilt for" in result.stdout
    assert _orphans(driver) == orphans


def test_rebuild_of_an_unknown_organisation_names_it(driver: neo4j.Driver, cli_env: None) -> None:
    result = runner.invoke(app, ["alignment", "rebuild", "--org", "org-nowhere"])
    assert result.exit_code != 0
    assert "org-nowhere" in result.output


WIPE = "MATCH (o:Objective) REMOVE o:Orphaned, o.alignCycles, o.alignPriorities"


def test_schema_apply_gives_a_database_from_before_the_state_its_state(
    driver: neo4j.Driver, cli_env: None
) -> None:
    assert runner.invoke(app, ["seed", "demo"]).exit_code == 0
    orphans = _orphans(driver)
    driver.execute_query(WIPE)
    result = runner.invoke(app, ["schema", "apply"])
    assert result.exit_code == 0, result.output
    assert "org-bank: alignment state rebuilt for" in result.stdout
    assert _orphans(driver) == orphans
    again = runner.invoke(app, ["schema", "apply"])
    assert again.exit_code == 0 and "rebuilt" not in again.stdout, again.output


async def test_the_service_rebuilds_missing_state_when_it_starts(db: Database, demo: dict[str, int]) -> None:
    async def orphans() -> list[str]:
        records, _, _ = await db.driver.execute_query("MATCH (o:Orphaned) RETURN o.id AS id ORDER BY id")
        return [r["id"] for r in records]

    before = await orphans()
    assert before
    await db.driver.execute_query(WIPE)
    service = create_app(db=db)
    async with service.router.lifespan_context(service):
        assert await orphans() == before
