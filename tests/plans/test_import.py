"""`aligngraph plan import`: dry runs, --prune, backdated history against the same history pushed live, and
`createKeyResult(current:)` recording a measurement like an import's initial current."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.core.db import Database
from graph.plans.load import PlanFormat, read_text
from graph.plans.service import import_plan
from tests.api.cli.test_main import cli_env
from tests.conftest import GraphQL, count_edges, count_nodes
from tests.plans.helpers import cli
from tests.plans.small import SMALL

__all__ = ["cli_env"]
pytestmark = pytest.mark.usefixtures("cli_env")


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_dry_run_shows_the_changes_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    result = await cli("plan", "import", "--dry-run", str(_write(tmp_path, SMALL)))
    assert result.exit_code == 0, result.output
    assert "Dry run: 19 changes found, nothing written." in result.output
    assert [line.split() for line in result.output.splitlines() if line.startswith("objectives ")] == [
        ["objectives", "3", "0", "0", "0", "0"]
    ]
    assert await count_nodes(db) == 0


async def test_an_update_is_counted_and_written_alone(db: Database, gql: GraphQL, tmp_path: Path) -> None:
    assert (await cli("plan", "import", str(_write(tmp_path, SMALL)))).exit_code == 0
    changed = SMALL.replace("title: Make sign-up seamless", "title: Make sign-up effortless")
    result = await cli("plan", "import", str(_write(tmp_path, changed)))
    assert result.exit_code == 0, result.output
    assert "Imported: 1 changes written" in result.output
    row = next(line.split() for line in result.output.splitlines() if line.startswith("objectives "))
    assert row == ["objectives", "0", "1", "2", "0", "0"]
    data = await gql.ok('{ objective(id: "acme-web-q1") { title } }')
    assert data["objective"]["title"] == "Make sign-up effortless"


async def test_prune_archives_what_the_plan_leaves_out_and_deletes_nothing(
    db: Database, gql: GraphQL, tmp_path: Path
) -> None:
    assert (await cli("plan", "import", str(_write(tmp_path, SMALL)))).exit_code == 0
    nodes = await count_nodes(db)
    start = SMALL.index("  - id: acme-id-q1")
    end = SMALL.index("contributions:")
    smaller = SMALL[:start] + SMALL[end:]
    smaller = smaller.replace(
        "dependencies:\n  - {fromId: acme-web-q1, toId: acme-instant, note: Sign-up waits for instant identity checks.}\n",
        "",
    )
    plan = _write(tmp_path, smaller)
    kept = await cli("plan", "import", str(plan))
    assert kept.exit_code == 0, kept.output
    assert "Nothing to write" in kept.output  # without --prune what the plan leaves out stays
    pruned = await cli("plan", "import", "--prune", str(plan))
    assert pruned.exit_code == 0, pruned.output
    rows = {
        line.split()[0]: line.split()[1:]
        for line in pruned.output.splitlines()
        if line[:1].isalpha() and len(line.split()) == 6
    }
    assert rows["objectives"] == ["0", "0", "2", "1", "0"]
    assert rows["dependencies"] == ["0", "0", "0", "0", "1"]
    assert await count_nodes(db) == nodes
    data = await gql.ok('{ objective(id: "acme-id-q1") { status keyResults { id } } }')
    assert data["objective"] == {"status": "ARCHIVED", "keyResults": [{"id": "acme-instant"}]}
    again = await cli("plan", "import", "--prune", str(plan))
    assert "Nothing to write" in again.output


HISTORY_PLAN = """\
organisation: {{id: {p}org, name: History}}
teams:
  - {{id: {p}co, name: Co, kind: COMPANY}}
  - {{id: {p}team, name: Team, kind: TEAM, parentId: {p}co}}
cycles:
  - {{id: {p}2026, name: "2026", kind: YEAR, startDate: 2026-01-01, endDate: 2026-12-31}}
objectives:
  - id: {p}goal
    title: Goal
    tier: TEAM
    ownerId: {p}team
    cycleId: {p}2026
    keyResults:
      - {{id: {p}kr, title: Reach 100, direction: INCREASE, baseline: 0, target: 100}}
"""
HISTORY = """\
history:
  measurements:
    - {{keyResultId: {p}kr, value: 10, observedAt: "2026-06-01T09:00:00Z", source: analytics}}
    - {{keyResultId: {p}kr, value: 30, observedAt: "2026-06-10T09:00:00Z", source: analytics}}
  checkIns:
    - objectiveId: {p}goal
      createdAt: "2026-06-02T10:00:00Z"
      author: Ana
      confidence: 7
      plan: Ship the first half.
      values: [{{keyResultId: {p}kr, value: 20, observedAt: "2026-06-02T09:00:00Z"}}]
    - {{objectiveId: {p}goal, createdAt: "2026-06-09T10:00:00Z", author: Ana, confidence: 4, plan: Re-plan., issues: [Vendor late]}}
"""
READ = """
query($objective: ID!, $kr: ID!, $cycle: ID!) {
  objective(id: $objective) { confidence confidenceTrend { direction change points { confidence } } }
  keyResult(id: $kr) { current progress lastObservedAt history(first: 10) { edges { node { value observedAt source } } } }
  health(cycleId: $cycle, asOf: "2026-07-15", checks: [STALE_MEASUREMENT]) {
    findings { check severity message value limit }
  }
}
"""
PUSH = "mutation($values: [KeyResultValueInput!]!) { pushKeyResultValues(values: $values) { accepted } }"
CHECK_IN = "mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }"


async def _read(gql: GraphQL, p: str) -> dict:
    data = await gql.ok(READ, objective=f"{p}goal", kr=f"{p}kr", cycle=f"{p}2026")
    for finding in data["health"]["findings"]:
        finding["message"] = finding["message"].replace(p, "")
    return data


async def test_backdated_history_gives_what_pushing_it_live_gives(
    db: Database, gql: GraphQL, tmp_path: Path
) -> None:
    backdated = _write(tmp_path, (HISTORY_PLAN + HISTORY).format(p="a-"), "a.yaml")
    result = await cli("plan", "import", str(backdated))
    assert result.exit_code == 0, result.output
    assert (
        await cli("plan", "import", str(_write(tmp_path, HISTORY_PLAN.format(p="b-"), "b.yaml")))
    ).exit_code == 0
    values = [
        {"keyResultId": "b-kr", "value": 10, "observedAt": "2026-06-01T09:00:00Z", "source": "analytics"},
        {"keyResultId": "b-kr", "value": 30, "observedAt": "2026-06-10T09:00:00Z", "source": "analytics"},
    ]
    await gql.ok(PUSH, values=values)
    first = {
        "objectiveId": "b-goal",
        "author": "Ana",
        "confidence": 7,
        "plan": "Ship the first half.",
        "values": [{"keyResultId": "b-kr", "value": 20, "observedAt": "2026-06-02T09:00:00Z"}],
    }
    await gql.ok(CHECK_IN, input=first)
    await gql.ok(
        CHECK_IN,
        input={
            "objectiveId": "b-goal",
            "author": "Ana",
            "confidence": 4,
            "plan": "Re-plan.",
            "issues": ["Vendor late"],
        },
    )
    imported, live = await _read(gql, "a-"), await _read(gql, "b-")
    assert imported == live
    assert imported["keyResult"]["current"] == 30.0
    assert imported["objective"]["confidenceTrend"]["direction"] == "FALLING"
    assert imported["health"]["findings"], "a month without a measurement is stale on 2026-07-15"
    nodes, edges = await count_nodes(db), await count_edges(db)
    again = await cli("plan", "import", str(backdated))
    assert "Nothing to write" in again.output
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)


CREATE_KR = """
mutation($input: CreateKeyResultInput!) {
  createKeyResult(input: $input) { id current lastObservedAt progress history(first: 5) { edges { node { value source } } } }
}
"""


async def test_create_key_result_records_its_initial_current_as_a_measurement(
    db: Database, gql: GraphQL, tmp_path: Path
) -> None:
    assert (await cli("plan", "import", str(_write(tmp_path, SMALL)))).exit_code == 0
    data = await gql.ok(
        CREATE_KR,
        input={
            "objectiveId": "acme-id-q1",
            "id": "acme-new",
            "kind": "METRIC",
            "title": "Checks under 5 s from 20 s",
            "direction": "DECREASE",
            "baseline": 20,
            "target": 5,
            "current": 14,
        },
    )
    created = data["createKeyResult"]
    assert created["current"] == 14.0 and created["lastObservedAt"] is not None
    assert created["progress"] == pytest.approx(0.4)
    assert [edge["node"]["value"] for edge in created["history"]["edges"]] == [14.0]
    assert created["history"]["edges"][0]["node"]["source"].startswith("manual")
    # The plan's own initial currents are measurements too (source "plan:current").
    kr = await gql.ok(
        '{ keyResult(id: "acme-completion") { lastObservedAt history(first: 5) { edges { node { value source } } } } }'
    )
    assert kr["keyResult"]["history"]["edges"] == [{"node": {"value": 70.0, "source": "plan:current"}}]


async def _first_value(db: Database, kr_id: str) -> dict[str, object]:
    result = await db.driver.execute_query(
        "MATCH (k:KeyResult {id: $id})-[:HAS_MEASUREMENT]->(m:Measurement) RETURN k, m", id=kr_id
    )
    [(k, m)] = [(dict(r["k"]), dict(r["m"])) for r in result.records]
    assert k["currentMeasurementId"] == m["id"] and k["lastObservedAt"] == m["observedAt"]
    return {
        "keyResult": sorted(k),
        "measurement": sorted(m),
        "values": (k["current"], k["progress"], m["value"], m["source"]),
    }


async def test_a_new_key_results_first_value_is_what_the_push_path_records(
    db: Database, tmp_path: Path
) -> None:
    with_current = HISTORY_PLAN.replace("target: 100}}", "target: 100, current: 40}}")
    # a-: the key result is new, its first value written with it; b-: it is stored first, then its current
    # arrives and goes through the push path (lock, read, record).
    for p, text in (("a-", with_current), ("b-", HISTORY_PLAN), ("b-", with_current)):
        result = await cli("plan", "import", str(_write(tmp_path, text.format(p=p), f"{p}.yaml")))
        assert result.exit_code == 0, result.output
    written, pushed = await _first_value(db, "a-kr"), await _first_value(db, "b-kr")
    assert written == pushed
    assert written["values"] == (40.0, pytest.approx(0.4), 40.0, "plan:current")


async def test_an_import_reports_its_progress_against_a_total(db: Database) -> None:
    calls: list[tuple[str, int, int]] = []
    outcome = await import_plan(
        db, read_text(SMALL, PlanFormat.YAML), progress=lambda *call: calls.append(call)
    )
    assert outcome.applied and outcome.diff is not None
    assert {total for _, _, total in calls} == {outcome.diff.writes}
    done = [done for _, done, _ in calls]
    assert done == sorted(done) and done[-1] == outcome.diff.writes
    assert "plans/create_key_results" in {step for step, _, _ in calls}
