"""A current set by hand (updateKeyResult) is a measurement in the KR's history, written like a pushed value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

COMPLETION = "kr-discover-completion"  # 65% -> 90%, INCREASE; the demo gives it no history
EDIT = """
mutation($id: ID!, $input: UpdateKeyResultInput!) {
  updateKeyResult(id: $id, input: $input) { current progress lastObservedAt target }
}
"""
HISTORY = """
query($id: ID!) { keyResult(id: $id) { history(first: 100) { totalCount nodes { id value observedAt source } } } }
"""


async def history(gql: GraphQL, id: str = COMPLETION) -> dict[str, Any]:
    found: dict[str, Any] = (await gql.ok(HISTORY, id=id))["keyResult"]["history"]
    return found


async def stored(db: Database, id: str = COMPLETION) -> dict[str, Any]:
    """The KR's current fields as Neo4j holds them (what analysts' Cypher reads)."""
    result = await db.driver.execute_query(
        "MATCH (k:KeyResult {id: $id}) RETURN k.current AS current, k.progress AS progress, "
        "k.lastObservedAt AS lastObservedAt, k.currentMeasurementId AS currentMeasurementId",
        id=id,
    )
    return dict(result.records[0])


async def test_a_hand_set_current_is_recorded_as_a_manual_measurement_observed_now(
    gql: GraphQL, db: Database
) -> None:
    before = dt.datetime.now(dt.UTC)
    edited = (await gql.ok(EDIT, id=COMPLETION, input={"current": 80.0}))["updateKeyResult"]
    after = dt.datetime.now(dt.UTC)
    assert (edited["current"], edited["progress"]) == (80.0, pytest.approx(0.6))
    found = await history(gql)
    assert found["totalCount"] == 1
    (measurement,) = found["nodes"]
    assert (measurement["value"], measurement["source"]) == (80.0, "manual:tests")  # the token's name
    observed = dt.datetime.fromisoformat(measurement["observedAt"])
    assert before <= observed <= after
    assert dt.datetime.fromisoformat(edited["lastObservedAt"]) == observed
    kr = await stored(db)
    assert kr["currentMeasurementId"] == measurement["id"]
    assert (kr["current"], kr["progress"], kr["lastObservedAt"].to_native()) == (80.0, 0.6, observed)


async def test_other_fields_changed_with_current_count_towards_its_progress(
    gql: GraphQL, db: Database
) -> None:
    edited = (await gql.ok(EDIT, id=COMPLETION, input={"current": 80.0, "target": 100.0}))["updateKeyResult"]
    assert (edited["current"], edited["target"]) == (80.0, 100.0)
    assert edited["progress"] == pytest.approx(15 / 35)
    assert (await stored(db))["progress"] == pytest.approx(15 / 35)
    renamed = (await gql.ok(EDIT, id=COMPLETION, input={"target": 80.0}))["updateKeyResult"]
    assert (renamed["current"], renamed["progress"]) == (80.0, 1.0)  # no current given: no measurement
    assert (await history(gql))["totalCount"] == 1


async def test_a_second_hand_set_value_replaces_the_first(gql: GraphQL, db: Database) -> None:
    await gql.ok(EDIT, id=COMPLETION, input={"current": 80.0})
    await gql.ok(EDIT, id=COMPLETION, input={"current": 70.0})
    found = await history(gql)
    assert [n["value"] for n in found["nodes"]] == [70.0, 80.0]
    kr = await stored(db)
    assert (kr["current"], kr["currentMeasurementId"]) == (70.0, found["nodes"][0]["id"])


@pytest.mark.parametrize(
    ("input", "code", "field", "value"),
    [
        ({"current": None}, "VALIDATION", "current", None),
        ({"current": 80.0, "weight": -1.0}, "VALIDATION", "weight", -1.0),
        ({"current": 80.0, "target": 50.0}, "VALIDATION", "target", 50.0),  # below the baseline
    ],
)
async def test_a_refused_edit_records_no_measurement(
    gql: GraphQL, db: Database, input: dict[str, Any], code: str, field: str, value: Any
) -> None:
    error = await gql.error(EDIT, id=COMPLETION, input=input)
    assert error["extensions"] == {"code": code, "field": field, "value": value}
    assert (await history(gql))["totalCount"] == 0
    assert (await stored(db))["current"] == 72.0


async def test_an_archived_objectives_current_is_refused_like_a_push(gql: GraphQL, db: Database) -> None:
    await gql.ok('mutation { archiveObjective(id: "obj-discover-q1") { id } }')
    error = await gql.error(EDIT, id=COMPLETION, input={"current": 80.0, "title": "Renamed"})
    assert error["extensions"] == {"code": "CONFLICT", "field": "current", "value": 80.0}
    assert (await history(gql))["totalCount"] == 0
    kr = (await gql.ok(f'{{ keyResult(id: "{COMPLETION}") {{ title current }} }}'))["keyResult"]
    assert kr["title"] != "Renamed" and kr["current"] == 72.0  # the whole edit rolled back
    assert (await stored(db))["current"] == 72.0
