"""Every Cypher file in cypher/ is documented, and runs against the real Neo4j with its documented parameters."""

from __future__ import annotations

import re
from typing import Any

import pytest
from neo4j.graph import Node, Path, Relationship

from graph.core.cypher import CYPHER_DIR, MissingQueryError, NamedQuery, all_queries, query
from graph.core.db import Database
from graph.core.schema import apply_schema

QUERIES = all_queries()
ALL_NAMES = sorted(QUERIES)
RUNNABLE = [name for name in ALL_NAMES if not name.startswith("schema/")]
# The demo has no dependency loop between teams; tests/alignment/test_dependencies.py makes one.
EMPTY_ON_DEMO = {"alignment/team_dependency_loops", "alignment/team_dependency_loops_full"}
READS_WITH_ROWS = [
    name
    for name in RUNNABLE
    if (name.split("/")[-1].startswith(("get_", "list_", "count_")) or name.startswith("alignment/"))
    and name not in EMPTY_ON_DEMO
]
UNIQUE_LABELS = {"Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult", "Initiative"}
_PARAM_USE = re.compile(r"\$(\w+)")


def _body(text: str) -> str:
    """The Cypher without its comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def _header_lines(text: str) -> list[str]:
    """The leading `//` lines, without the slashes."""
    lines = []
    for line in text.splitlines():
        if not line.lstrip().startswith("//"):
            break
        lines.append(line.lstrip()[2:].strip())
    return lines


async def _run_rolled_back(db: Database, named: NamedQuery) -> list[dict[str, Any]]:
    """Run the query with its example parameters in a transaction that is always rolled back."""
    params = named.example_values()
    async with db.driver.session(database=db.database) as session:
        tx = await session.begin_transaction()
        try:
            result = await tx.run(named.text, params)
            rows = [record async for record in result]
            for record in rows:
                _assert_plain(named.name, record.values())
            return [record.data() for record in rows]
        finally:
            await tx.rollback()


def _assert_plain(name: str, value: Any) -> None:
    """Fail on nodes, relationships and paths: Database.read returns rows as they come, without data()."""
    assert not isinstance(value, Node | Relationship | Path), (
        f"cypher/{name}.cypher returns a {type(value).__name__}"
    )
    if isinstance(value, list | tuple):
        for item in value:
            _assert_plain(name, item)
    elif isinstance(value, dict):
        for item in value.values():
            _assert_plain(name, item)


async def _size(db: Database) -> tuple[int, int]:
    nodes = await db.driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=db.database)
    edges = await db.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n", database_=db.database)
    return nodes.records[0]["n"], edges.records[0]["n"]


def test_there_are_queries_to_check() -> None:
    assert len(ALL_NAMES) == len([p for p in CYPHER_DIR.rglob("*.cypher") if p.parent.name != "fragments"])
    assert RUNNABLE and READS_WITH_ROWS


@pytest.mark.parametrize("name", ALL_NAMES)
def test_file_has_a_header_that_matches_its_parameters(name: str) -> None:
    named = QUERIES[name]
    lines = named.text.splitlines()
    assert lines and lines[0].startswith("//"), f"cypher/{name}.cypher must open with // comment lines"
    header = _header_lines(named.text)
    returns = [line for line in header if re.search(r"\bReturns:", line)]
    assert returns, f"cypher/{name}.cypher has no 'Returns:' line in its header"
    if not name.startswith("schema/"):
        assert not any(re.search(r"Returns:\s*nothing", line) for line in returns), (
            f"cypher/{name}.cypher is not a schema command, so it must say what it returns"
        )

    param_lines = [line for line in header if line.startswith(":param")]
    assert len(param_lines) == len(named.example_params), (
        f"cypher/{name}.cypher has malformed or repeated :param lines (want ':param name => literal'): "
        f"{param_lines}"
    )
    used = set(_PARAM_USE.findall(_body(named.text)))
    declared = set(named.example_params)
    assert used - declared == set(), (
        f"cypher/{name}.cypher uses undocumented parameters {sorted(used - declared)}"
    )
    assert declared - used == set(), (
        f"cypher/{name}.cypher documents unused parameters {sorted(declared - used)}"
    )
    # A :param after the first Cypher line would be invisible to the loader.
    stray = [line for line in _body(named.text).splitlines() if ":param" in line]
    assert not stray, f"cypher/{name}.cypher has :param text outside its header: {stray}"


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("name", RUNNABLE)
async def test_file_runs_with_its_documented_params(db: Database, name: str) -> None:
    named = QUERIES[name]
    before = await _size(db)
    rows = await _run_rolled_back(db, named)
    assert await _size(db) == before, "the rollback must leave the demo untouched"
    if name in READS_WITH_ROWS:
        # Reads documented with demo ids must show analysts something when pasted into Browser.
        assert not named.writes, f"cypher/{name}.cypher is named like a read but writes"
        assert rows, f"cypher/{name}.cypher returns no rows for its example params {named.example_params}"


@pytest.mark.parametrize("name", [name for name in RUNNABLE if QUERIES[name].example_params])
async def test_header_literals_read_as_neo4j_reads_them(db: Database, name: str) -> None:
    """The service reads `:param` literals in Python; Neo4j (as Browser, when pasted) must read the same values."""
    named = QUERIES[name]
    columns = ", ".join(f"{literal} AS `{key}`" for key, literal in named.example_params.items())
    result = await db.driver.execute_query(f"RETURN {columns}", database_=db.database)
    assert _native(result.records[0].data()) == named.example_values()


def _native(value: Any) -> Any:
    """Neo4j's temporal values as Python's, to compare with the Python reading."""
    if isinstance(value, dict):
        return {key: _native(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_native(item) for item in value]
    return value.to_native() if hasattr(value, "to_native") else value


def test_a_header_literal_outside_the_reader_fails_naming_the_file() -> None:
    named = NamedQuery(name="x/y", text="RETURN $a", header="", example_params={"a": "point({x: 1})"})
    with pytest.raises(MissingQueryError, match=r"cypher/x/y.cypher: :param a"):
        named.example_values()


async def test_rollback_really_discards_writes(db: Database) -> None:
    rows = await _run_rolled_back(db, QUERIES["organisations/create_organisation"])
    assert len(rows) == 1
    assert await _size(db) == (0, 0)


async def test_schema_applies_twice_with_one_unique_constraint_per_label(db: Database) -> None:
    first = await apply_schema(db)
    second = await apply_schema(db)
    assert first == second == [name for name in ALL_NAMES if name.startswith("schema/")]
    result = await db.driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties"
    )
    unique: dict[str, list[list[str]]] = {}
    for record in result.records:
        if record["type"] == "UNIQUENESS" and record["entityType"] == "NODE":
            for label in record["labelsOrTypes"]:
                unique.setdefault(label, []).append(record["properties"])
    assert set(unique) >= UNIQUE_LABELS
    for label in UNIQUE_LABELS:
        assert ["id"] in unique[label], f"{label}: {unique[label]}"
    # Integrations name key results by externalKey; pushed values are unique by idempotencyKey.
    assert sorted(unique["KeyResult"]) == [["externalKey"], ["id"]]
    assert sorted(unique["Measurement"]) == [["id"], ["idempotencyKey"]]


def test_missing_query_fails_loudly() -> None:
    with pytest.raises(MissingQueryError, match="nope/missing"):
        query("nope/missing")
