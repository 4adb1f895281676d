"""Confidence, roll-up method and the stored KR progress that analysts' Cypher reads."""

from __future__ import annotations

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")


async def _stored_progress(db: Database, id: str) -> float | None:
    result = await db.driver.execute_query("MATCH (k:KeyResult {id: $id}) RETURN k.progress AS p", id=id)
    value: float | None = result.records[0]["p"]
    return value


async def test_stored_progress_matches_the_api_for_every_demo_kr(gql: GraphQL, db: Database) -> None:
    data = await gql.ok("{ keyResults(first: 100) { nodes { id progress } } }")
    nodes = data["keyResults"]["nodes"]
    assert len(nodes) == 22
    for node in nodes:
        assert await _stored_progress(db, node["id"]) == pytest.approx(node["progress"]), node["id"]


async def test_updating_a_kr_refreshes_its_stored_progress(gql: GraphQL, db: Database) -> None:
    data = await gql.ok(
        'mutation { updateKeyResult(id: "kr-discover-completion", input: {current: 85}) { progress } }'
    )
    assert data["updateKeyResult"]["progress"] == pytest.approx(0.8)
    assert await _stored_progress(db, "kr-discover-completion") == pytest.approx(0.8)
    await gql.ok(
        'mutation { createKeyResult(input: {id: "kr-new", objectiveId: "obj-discover-q1", title: "Done",'
        " kind: MILESTONE, done: true}) { id } }"
    )
    assert await _stored_progress(db, "kr-new") == 1.0


async def test_confidence_and_rollup_are_set_and_read(gql: GraphQL) -> None:
    data = await gql.ok(
        'mutation { updateObjective(id: "obj-digital-first-week", input: {confidence: 2, rollup: SUM})'
        " { confidence rollup } }"
    )
    assert data["updateObjective"] == {"confidence": 2, "rollup": "SUM"}
    data = await gql.ok('{ objective(id: "obj-identity-q1") { confidence rollup } }')
    assert data["objective"] == {"confidence": 3, "rollup": "MEAN"}


@pytest.mark.parametrize("value", [-1, 11])
async def test_confidence_out_of_range_is_rejected(gql: GraphQL, value: int) -> None:
    error = await gql.error(
        'mutation($c: Int) { createObjective(input: {id: "o-x", title: "X", tier: TEAM,'
        ' ownerId: "team-care", cycleId: "cycle-2026-q1", confidence: $c}) { id } }',
        c=value,
    )
    assert error["extensions"] == {"code": "VALIDATION", "field": "confidence", "value": value}
    assert str(value) in error["message"]
    missing = await gql.ok("{ objectives(first: 100) { nodes { id } } }")
    assert "o-x" not in [n["id"] for n in missing["objectives"]["nodes"]]
