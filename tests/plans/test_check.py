"""`aligngraph plan check`: the questions on a plan as it would be after import, inside a rolled-back
transaction: the same orphans as orphanedObjectives gives once it is imported, what changes against now, and
the exit code CI reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.core.db import Database
from tests.api.cli.test_main import cli_env
from tests.conftest import GraphQL, count_edges, count_nodes
from tests.plans.helpers import cli, wipe

__all__ = ["cli_env"]
pytestmark = pytest.mark.usefixtures("cli_env")
ORPHANS = (
    '{ orphanedObjectives(cycleId: "cycle-2026", first: 100) { edges { node { reason objective { id } } } } }'
)


def _orphans(output: str) -> set[tuple[str, str]]:
    section = output.split("orphaned objectives:")[1].split("unsupported priorities:")[0]
    return set(re.findall(r"^\s+(\S+) \((\w+)\):", section, re.M))


@pytest.mark.usefixtures("demo")
async def test_check_reports_the_orphans_that_the_imported_graph_gives(
    db: Database, gql: GraphQL, tmp_path: Path
) -> None:
    plan = tmp_path / "demo.yaml"
    assert (await cli("plan", "export", "--org", "org-bank", "--history", "--out", str(plan))).exit_code == 0
    await wipe(db)
    result = await cli("plan", "check", str(plan), "--cycle", "cycle-2026")
    assert result.exit_code == 0, result.output
    assert "Nothing was written." in result.output
    assert await count_nodes(db) == 0
    found = _orphans(result.output)
    assert found
    assert "unsupported priorities: 1" in result.output
    assert "at-risk dependencies:" in result.output and "health findings:" in result.output
    assert (await cli("plan", "import", str(plan))).exit_code == 0
    data = await gql.ok(ORPHANS)
    assert found == {
        (e["node"]["objective"]["id"], e["node"]["reason"]) for e in data["orphanedObjectives"]["edges"]
    }


@pytest.mark.usefixtures("demo")
async def test_check_says_what_the_plan_orphans_that_is_aligned_today(db: Database, tmp_path: Path) -> None:
    plan = tmp_path / "demo.yaml"
    assert (await cli("plan", "export", "--org", "org-bank", "--out", str(plan))).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    link = "- childId: obj-discover-q1\n  parentId: obj-digital-first-week\n"
    assert link in text
    plan.write_text(text.replace(link, ""), encoding="utf-8")
    before = (await count_nodes(db), await count_edges(db))
    result = await cli("plan", "check", str(plan), "--prune", "--fail-on", "CRITICAL")
    assert "this plan orphans 1 objectives that are aligned today (obj-discover-q1)" in result.output, (
        result.output
    )
    assert ("obj-discover-q1", "NO_PARENT") in _orphans(result.output)
    assert (await count_nodes(db), await count_edges(db)) == before  # rolled back
    worst = re.search(r"Worst finding: (\w+)\.", result.output)
    assert worst is not None
    assert result.exit_code == (1 if worst[1] == "CRITICAL" else 0)
    failed = await cli("plan", "check", str(plan), "--prune", "--fail-on", "WARNING")
    assert failed.exit_code == 1  # the orphans are warnings
    without = await cli("plan", "check", str(plan), "--prune")
    assert without.exit_code == 0


async def test_check_refuses_a_plan_with_problems(db: Database, tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(
        "organisation: {id: x, name: X}\nteams:\n  - {id: t, name: T, kind: TEAM, parentId: nope}\n",
        encoding="utf-8",
    )
    result = await cli("plan", "check", str(plan))
    assert result.exit_code == 1
    assert f"{plan}:3: teams[0].parentId: NOT_FOUND" in result.output
