"""recordRetrospective, objective.retrospectives and team.retrospectives over GraphQL on the demo."""

from __future__ import annotations

from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL, count_edges, count_nodes

pytestmark = pytest.mark.usefixtures("demo")

FIELDS = """
id kind attractors detractors learnings surprises changes author createdAt idempotencyKey
cycle { id } objective { id } team { id }
scores { score value keyResult { id } }
"""
RECORD = (
    f"mutation($input: RecordRetrospectiveInput!) {{ recordRetrospective(input: $input) {{ {FIELDS} }} }}"
)
OF_OBJECTIVE = f"query($id: ID!) {{ objective(id: $id) {{ retrospectives {{ {FIELDS} }} }} }}"
OF_TEAM = f"query($id: ID!, $cycleId: ID) {{ team(id: $id) {{ retrospectives(cycleId: $cycleId) {{ {FIELDS} }} }} }}"


def retro(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "objectiveId": "obj-identity-q1",
        "kind": "END",
        "attractors": ["Instant checks work on recent phones"],
        "detractors": ["The vendor slipped"],
        "learnings": [],
        "surprises": ["Fraud fell"],
        "changes": ["  Two vendors  "],
        "author": "Priya Shah (Identity)",
    }
    return {**base, **changes}


async def record(gql: GraphQL, **changes: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.ok(RECORD, input=retro(**changes)))["recordRetrospective"]
    return result


def scores(found: dict[str, Any]) -> dict[str, tuple[float | None, float | None]]:
    return {s["keyResult"]["id"]: (s["score"], s["value"]) for s in found["scores"]}


async def test_the_demo_has_a_mid_cycle_and_an_end_retrospective(gql: GraphQL) -> None:
    [mid] = (await gql.ok(OF_OBJECTIVE, id="obj-identity-q1"))["objective"]["retrospectives"]
    assert (mid["kind"], mid["cycle"], mid["objective"], mid["team"]) == (
        "MID_CYCLE",
        {"id": "cycle-2026-q1"},
        {"id": "obj-identity-q1"},
        None,
    )
    assert mid["detractors"] == ["One vendor owns the scanning SDK, and its update slipped to April"]
    assert mid["scores"] == [] and mid["createdAt"] == "2026-02-13T15:00:00+00:00"

    [end] = (await gql.ok(OF_TEAM, id="team-discover", cycleId="cycle-2026-q1"))["team"]["retrospectives"]
    assert (end["kind"], end["team"], end["objective"]) == ("END", {"id": "team-discover"}, None)
    found = scores(end)
    assert found.keys() == {"kr-discover-completion", "kr-discover-tutorial", "kr-discover-tickets"}
    assert found["kr-discover-completion"] == (pytest.approx(7 / 25), 72.0)  # 65 -> 90, at 72
    assert found["kr-discover-tutorial"] == (pytest.approx(7 / 35), 22.0)
    assert found["kr-discover-tickets"] == (pytest.approx(40 / 120), 360.0)
    assert (await gql.ok(OF_TEAM, id="team-discover", cycleId="cycle-2026-q2"))["team"][
        "retrospectives"
    ] == []
    assert len((await gql.ok(OF_TEAM, id="team-discover"))["team"]["retrospectives"]) == 1


async def test_an_end_retrospective_freezes_each_key_results_final_score(gql: GraphQL) -> None:
    created = await record(gql)
    assert created["changes"] == ["Two vendors"] and created["learnings"] == []
    assert created["cycle"] == {"id": "cycle-2026-q1"}  # an objective's retrospective is in its own cycle
    assert scores(created) == {
        "kr-identity-instant-verification": (pytest.approx(20 / 70), 30.0),
        "kr-identity-fraud": (1.0, 0.08),  # a guard-rail held scores 1
    }
    # Later values change the KR, not the recorded score.
    await gql.ok(
        'mutation { updateKeyResult(id: "kr-identity-instant-verification", input: {current: 80}) { id } }'
    )
    listed = (await gql.ok(OF_OBJECTIVE, id="obj-identity-q1"))["objective"]["retrospectives"]
    assert [r["kind"] for r in listed] == ["END", "MID_CYCLE"]  # newest first
    assert scores(listed[0])["kr-identity-instant-verification"] == (pytest.approx(20 / 70), 30.0)

    error = await gql.error(RECORD, input=retro())
    assert error["extensions"] == {"code": "CONFLICT", "field": "kind", "value": "END"}
    mid = await record(gql, kind="MID_CYCLE")  # more mid-cycle ones are fine
    assert mid["scores"] == []


async def test_a_team_end_retrospective_scores_every_kr_of_its_objectives_in_the_cycle(gql: GraphQL) -> None:
    await gql.ok(
        """mutation {
          createObjective(input: {id: "obj-sre-q1-old", title: "Old goal", tier: TEAM, ownerId: "team-sre",
                                  cycleId: "cycle-2026-q1"}) { id }
          createKeyResult(input: {id: "kr-sre-old", objectiveId: "obj-sre-q1-old", title: "Old", kind: MILESTONE}) { id }
          archiveObjective(id: "obj-sre-q1-old") { id }
        }"""
    )
    created = await record(gql, objectiveId=None, teamId="team-sre", cycleId="cycle-2026-q1")
    assert (created["team"], created["objective"]) == ({"id": "team-sre"}, None)
    assert scores(created) == {
        "kr-sre-availability": (1.0, 99.95),
        "kr-sre-failover-drill": (1.0, None),  # a milestone: done, no value
        "kr-sre-runbooks": (pytest.approx(20 / 45), 70.0),
    }
    [listed] = (await gql.ok(OF_TEAM, id="team-sre", cycleId="cycle-2026-q1"))["team"]["retrospectives"]
    assert listed["id"] == created["id"]
    # A team's retrospective is not one of its objectives'.
    assert (await gql.ok(OF_OBJECTIVE, id="obj-sre-q1"))["objective"]["retrospectives"] == []


async def test_a_retry_with_the_same_key_returns_the_same_retrospective_and_writes_nothing(
    gql: GraphQL, db: Database
) -> None:
    first = await record(gql, idempotencyKey="identity-q1-end")
    nodes, edges = await count_nodes(db), await count_edges(db)
    assert await record(gql, idempotencyKey="identity-q1-end", attractors=["other"]) == first
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)
    error = await gql.error(
        RECORD, input=retro(objectiveId="obj-discover-q1", idempotencyKey="identity-q1-end")
    )
    assert error["extensions"] == {"code": "CONFLICT", "field": "idempotencyKey", "value": "identity-q1-end"}


@pytest.mark.parametrize(
    ("changes", "code", "field", "value"),
    [
        ({"objectiveId": None}, "VALIDATION", "objectiveId", None),
        ({"teamId": "team-identity"}, "VALIDATION", "objectiveId", None),
        ({"objectiveId": None, "teamId": "team-identity"}, "VALIDATION", "cycleId", None),
        (
            {"attractors": [], "detractors": [], "surprises": [], "changes": []},
            "VALIDATION",
            "attractors",
            [],
        ),
        ({"detractors": ["ok", ""]}, "VALIDATION", "detractors[1]", ""),
        ({"author": " "}, "VALIDATION", "author", " "),
        ({"cycleId": "cycle-2026-q2"}, "VALIDATION", "cycleId", "cycle-2026-q2"),
        ({"objectiveId": "obj-nope"}, "NOT_FOUND", "objectiveId", "obj-nope"),
        (
            {"objectiveId": None, "teamId": "team-nope", "cycleId": "cycle-2026-q1"},
            "NOT_FOUND",
            "teamId",
            "team-nope",
        ),
        (
            {"objectiveId": None, "teamId": "team-sre", "cycleId": "cycle-nope"},
            "NOT_FOUND",
            "cycleId",
            "cycle-nope",
        ),
    ],
)
async def test_invalid_retrospectives_name_the_field_and_write_nothing(
    gql: GraphQL, db: Database, changes: dict[str, Any], code: str, field: str, value: Any
) -> None:
    nodes = await count_nodes(db)
    error = await gql.error(RECORD, input=retro(**changes))
    assert error["extensions"] == {"code": code, "field": field, "value": value}
    assert await count_nodes(db) == nodes


async def test_an_archived_objective_gets_no_retrospective(gql: GraphQL) -> None:
    await gql.ok('mutation { archiveObjective(id: "obj-payments-q1") { id } }')
    error = await gql.error(RECORD, input=retro(objectiveId="obj-payments-q1"))
    assert error["extensions"] == {"code": "CONFLICT", "field": "objectiveId", "value": "obj-payments-q1"}


TEAMS = """
query($parent: ID!) {
  teams(parentId: $parent, first: 20) {
    nodes { id retrospectives(cycleId: "cycle-2026-q1") { kind scores { score } }
            objectives { id retrospectives { kind } } }
  }
}
"""


async def test_retrospectives_of_many_teams_and_objectives_cost_a_fixed_number_of_queries(
    gql: GraphQL, db: Database
) -> None:
    async def cost(parent: str) -> tuple[int, list[dict[str, Any]]]:
        before = db.query_count
        nodes = (await gql.ok(TEAMS, parent=parent))["teams"]["nodes"]
        return db.query_count - before, nodes

    small, one = await cost("bu-business")
    large, three = await cost("bu-digital")
    assert (len(one), len(three)) == (1, 3)
    assert small == large, (small, large)
    discover = next(t for t in three if t["id"] == "team-discover")
    assert [r["kind"] for r in discover["retrospectives"]] == ["END"]


async def test_deleting_an_objective_or_team_takes_its_check_ins_and_retrospectives_along(
    gql: GraphQL, db: Database
) -> None:
    async def count(label: str) -> int:
        result = await db.driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n")
        return int(result.records[0]["n"])

    check_ins, retros = await count("CheckIn"), await count("Retrospective")
    await gql.ok('mutation { deleteObjective(id: "obj-identity-q1") { id } }')
    assert (await count("CheckIn"), await count("Retrospective")) == (check_ins - 6, retros - 1)
    await gql.ok(
        """mutation { recordRetrospective(input: {teamId: "team-identity", cycleId: "cycle-2026-q1",
                      kind: MID_CYCLE, author: "Priya", learnings: ["Two vendors"]}) { id } }"""
    )
    await gql.ok('mutation { deleteTeam(id: "team-identity") { id } }')
    assert await count("Retrospective") == retros - 1


async def test_a_cycle_holding_a_retrospective_is_not_deleted(gql: GraphQL) -> None:
    await gql.ok(
        """mutation { recordRetrospective(input: {teamId: "team-sre", cycleId: "cycle-2026-q4",
                      kind: MID_CYCLE, author: "Sam", learnings: ["Plan Q4 early"]}) { id } }"""
    )
    error = await gql.error('mutation { deleteCycle(id: "cycle-2026-q4") { id } }')
    assert error["extensions"] == {"code": "CONFLICT", "field": "id", "value": "cycle-2026-q4"}
    assert "1 retrospectives" in error["message"]
