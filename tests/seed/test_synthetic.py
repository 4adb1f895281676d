"""`aligngraph seed large` with a small size against the session's Neo4j: counts, determinism, rules, progress.

Like tests/api/cli/test_main.py these are sync tests with a sync driver, since the CLI calls asyncio.run itself. The
organisation is loaded once for the module; the tests that reload it leave the same organisation behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from typer.testing import CliRunner

from api.cli.main import app
from api.settings import get_settings
from graph.core.cypher import query
from graph.core.models import KeyResult
from graph.core.progress import key_result_progress
from graph.seed.synthetic import build
from graph.seed.synthetic_shape import YEAR_ID, Size, SyntheticOrg
from graph.seed.synthetic_shapes import size_for

runner = CliRunner()
TEAMS, SEED = 60, 11
EXPECTED = build(Size.scaled(TEAMS), SEED)
# One step up the alignment: an objective's CONTRIBUTES_TO edge, or from a key result to its objective.
UP = (
    "((a)-[r:CONTRIBUTES_TO|HAS_KEY_RESULT]-(b) WHERE (type(r) = 'CONTRIBUTES_TO' AND startNode(r) = a)"
    " OR (type(r) = 'HAS_KEY_RESULT' AND startNode(r) = b))+"
)


@pytest.fixture(scope="module")
def driver(neo4j_uri: str) -> Iterator[neo4j.Driver]:
    password = os.environ.get("AG_TEST_NEO4J_PASSWORD", "x")
    with neo4j.GraphDatabase.driver(neo4j_uri, auth=("neo4j", password)) as sync_driver:
        yield sync_driver


@pytest.fixture(scope="module")
def cli_env(neo4j_uri: str) -> Iterator[None]:
    """Point the CLI at the session's Neo4j, so it never starts the local 'dev' server."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEO4J_URI", neo4j_uri)
        if "AG_TEST_NEO4J_PASSWORD" in os.environ:
            patch.setenv("NEO4J_PASSWORD", os.environ["AG_TEST_NEO4J_PASSWORD"])
        patch.delenv("AG_NEO4J_URI", raising=False)
        get_settings.cache_clear()
        assert get_settings().neo4j_uri == neo4j_uri
        yield
    get_settings.cache_clear()


def _seed(*extra: str) -> str:
    result = runner.invoke(app, ["seed", "large", "--teams", str(TEAMS), "--seed", str(SEED), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _wipe(driver: neo4j.Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def _rows(driver: neo4j.Driver, cypher: str) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher)
    return [record.data() for record in records]


def _count(driver: neo4j.Driver, cypher: str) -> int:
    return int(_rows(driver, cypher)[0]["n"])


def _snapshot(driver: neo4j.Driver) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Every node id, and every edge as (from id, type, to id), sorted."""
    ids = _rows(driver, "MATCH (n) RETURN n.id AS id ORDER BY id")
    edges = _rows(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b")
    return [row["id"] for row in ids], [(row["a"], row["t"], row["b"]) for row in edges]


@pytest.fixture(scope="module")
def loaded(cli_env: None, driver: neo4j.Driver) -> str:
    _wipe(driver)
    return _seed()


def test_counts_per_label(loaded: str, driver: neo4j.Driver) -> None:
    rows = _rows(driver, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    counts = {row["label"]: row["n"] for row in rows}
    # :Orphaned is the maintained alignment state on some objectives, rebuilt by the load; it agrees with the
    # full recomputation of the orphans.
    orphaned = counts.pop("Orphaned")
    # So are the coverage rows (one per business unit or top unit and cycle) and the dependency sources' label.
    assert counts.pop("UnitCoverage") == (3 + 1) * 5
    loops = driver.execute_query(
        query("alignment/team_dependency_loops_full"), cycleId=YEAR_ID, org=None
    ).records
    assert counts.pop("DependencyLoop", 0) == len(loops)
    assert counts.pop("DependencySource") == _count(
        driver, "MATCH (n)-[:DEPENDS_ON]->() RETURN count(DISTINCT n) AS n"
    )
    # :Keyed is on every object (ids are unique across kinds), so it counts them all.
    assert counts.pop("Keyed") == sum(counts.values())
    assert counts == EXPECTED.counts()
    full = driver.execute_query(
        query("alignment/orphaned_objectives_full"),
        cycleId=YEAR_ID,
        unitId=None,
        after=None,
        first=None,
        org=None,
    ).records
    assert orphaned == len(full) > 0
    assert ", ".join(f"{k} {v}" for k, v in EXPECTED.counts().items()) in " ".join(loaded.split())
    assert EXPECTED.counts()["Team"] == TEAMS
    kinds = _rows(driver, "MATCH (t:Team) RETURN t.kind AS kind, count(*) AS n ORDER BY kind")
    assert {row["kind"]: row["n"] for row in kinds} == {"BUSINESS_UNIT": 3, "COMPANY": 1, "TEAM": 56}
    assert (
        _count(driver, "MATCH (t:Team) WHERE NOT (t)-[:BELONGS_TO]->(:Organisation) RETURN count(t) AS n")
        == 0
    )
    assert _count(driver, "MATCH (p:Priority) WHERE NOT ()-[:SUPPORTS]->(p) RETURN count(p) AS n") == 1


def test_same_seed_gives_the_same_graph_and_a_rerun_changes_nothing(
    loaded: str, driver: neo4j.Driver
) -> None:
    first = _snapshot(driver)
    _seed()
    assert _snapshot(driver) == first
    _wipe(driver)
    _seed()
    assert _snapshot(driver) == first


def test_another_seed_replaces_the_organisation(loaded: str, driver: neo4j.Driver) -> None:
    other = build(Size.scaled(TEAMS), SEED + 1)
    _seed("--seed", str(SEED + 1))
    rows = _rows(
        driver,
        "MATCH (n) WHERE NOT (n:UnitCoverage OR n:DependencyLoop) UNWIND labels(n) AS label WITH label"
        " WHERE NOT label IN ['Orphaned', 'DependencySource', 'Keyed'] RETURN label, count(*) AS n",
    )
    assert {row["label"]: row["n"] for row in rows} == other.counts()
    _seed()  # put the module's organisation back
    assert _count(
        driver, "MATCH (n) WHERE NOT (n:UnitCoverage OR n:DependencyLoop) RETURN count(n) AS n"
    ) == sum(EXPECTED.counts().values())


def test_alignment_rules_hold(loaded: str, driver: neo4j.Driver) -> None:
    _assert_rules(driver, EXPECTED)


def _assert_rules(driver: neo4j.Driver, expected: SyntheticOrg) -> None:
    down_a_tier = """
        MATCH (:Objective {tier: 'STRATEGIC'})-[:CONTRIBUTES_TO]->(x)
        WHERE x.tier = 'TEAM' OR EXISTS { (x)<-[:HAS_KEY_RESULT]-(:Objective {tier: 'TEAM'}) }
        RETURN count(*) AS n"""
    same_team = """
        MATCH (a)-[:DEPENDS_ON]->(b)
        MATCH (a)<-[:HAS_KEY_RESULT]-{0,1}(:Objective)-[:OWNED_BY]->(t:Team),
              (b)<-[:HAS_KEY_RESULT]-{0,1}(:Objective)-[:OWNED_BY]->(t)
        RETURN count(*) AS n"""
    loop = f"MATCH (o:Objective) WHERE EXISTS {{ (o) {UP} (o) }} RETURN count(o) AS n"
    outside_cycle = """
        MATCH (child:Objective)-[:CONTRIBUTES_TO]->(x)<-[:HAS_KEY_RESULT]-{0,1}(parent:Objective),
              (child)-[:IN_CYCLE]->(cc:Cycle), (parent)-[:IN_CYCLE]->(pc:Cycle)
        WHERE cc.startDate < pc.startDate OR cc.endDate > pc.endDate
        RETURN count(*) AS n"""
    for cypher in (down_a_tier, same_team, loop, outside_cycle):
        assert _count(driver, cypher) == 0, cypher
    assert _count(driver, "MATCH ()-[r:DEPENDS_ON]->() RETURN count(r) AS n") == expected.size.dependencies


# Each shape's mark, counted in the loaded graph (graph/seed/synthetic_shapes.py).
SHAPE_MARKS = {
    "deep": "MATCH p = (:Team {kind: 'TEAM'})-[:PART_OF*]->(:Team {kind: 'BUSINESS_UNIT'}) "
    "RETURN max(length(p)) AS n",
    "many-parents": "MATCH (o:Objective {tier: 'TEAM'}) WITH o, COUNT { (o)-[:CONTRIBUTES_TO]->() } AS parents "
    "RETURN count(CASE WHEN parents >= 3 THEN o END) AS n",
    "cross-unit": "MATCH (a:Objective {tier: 'TEAM'})-[:CONTRIBUTES_TO]->(b:Objective {tier: 'TEAM'}), "
    "(a)-[:OWNED_BY]->()-[:PART_OF*]->(ua:Team {kind: 'BUSINESS_UNIT'}), "
    "(b)-[:OWNED_BY]->()-[:PART_OF*]->(ub:Team {kind: 'BUSINESS_UNIT'}) WHERE ua <> ub RETURN count(*) AS n",
}
AT_LEAST = {"deep": 4, "many-parents": 50, "cross-unit": 50}


@pytest.mark.parametrize("shape", sorted(SHAPE_MARKS))
def test_each_shape_keeps_the_rules_and_has_its_mark(loaded: str, driver: neo4j.Driver, shape: str) -> None:
    expected = build(size_for(shape, TEAMS), SEED, shape)
    output = _seed("--shape", shape)
    assert expected.name in " ".join(output.split())
    _assert_rules(driver, expected)
    assert _count(driver, SHAPE_MARKS[shape]) >= AT_LEAST[shape]
    _seed()  # put the module's organisation back
    assert _count(
        driver, "MATCH (n) WHERE NOT (n:UnitCoverage OR n:DependencyLoop) RETURN count(n) AS n"
    ) == sum(EXPECTED.counts().values())
    assert _count(driver, SHAPE_MARKS[shape]) < AT_LEAST[shape], "the flat shape has no such mark"


def test_stored_progress_is_key_result_progress(loaded: str, driver: neo4j.Driver) -> None:
    rows = _rows(
        driver, "MATCH (o)-[:HAS_KEY_RESULT]->(k) RETURN k {.*, objectiveId: o.id} AS kr ORDER BY k.id"
    )
    assert len(rows) == EXPECTED.counts()["KeyResult"]
    progress = [
        (row["kr"].get("progress"), key_result_progress(KeyResult.from_row(row["kr"]))) for row in rows
    ]
    assert all(stored == computed for stored, computed in progress)
    assert any(stored is None for stored, _ in progress) and any(stored for stored, _ in progress)


def test_about_one_team_objective_in_ten_is_orphaned(loaded: str, driver: neo4j.Driver) -> None:
    rows = _rows(
        driver,
        f"""MATCH (o:Objective {{tier: 'TEAM'}})
            WITH o, EXISTS {{ (o) {UP} (:Objective {{tier: 'STRATEGIC'}})-[:SUPPORTS]->(:Priority) }} AS aligned
            RETURN count(o) AS total, count(CASE WHEN NOT aligned THEN 1 END) AS orphans,
                   count(CASE WHEN NOT aligned AND (o)-[:CONTRIBUTES_TO]->() THEN 1 END) AS linked""",
    )
    total, orphans, linked = rows[0]["total"], rows[0]["orphans"], rows[0]["linked"]
    assert 0.05 <= orphans / total <= 0.20, (orphans, total)
    assert 0 < linked < orphans  # both kinds: contributing to nothing, and to something itself unaligned
