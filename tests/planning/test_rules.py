"""Domain rules reject bad input with a stable code, name the field and value, and write nothing."""

from __future__ import annotations

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL, count_edges, count_nodes

pytestmark = pytest.mark.usefixtures("demo")

LINK = "mutation($c: ID!, $p: ID!) { linkContribution(childId: $c, parentId: $p) { weight } }"
DEPEND = "mutation($f: ID!, $t: ID!) { linkDependency(fromId: $f, toId: $t) { note } }"
KR = """mutation($input: CreateKeyResultInput!) { createKeyResult(input: $input) { id } }"""


async def expect_rejected(
    gql: GraphQL, db: Database, code: str, field: str, query: str, **variables: object
) -> str:
    """Run a mutation that must be refused, and prove it changed nothing."""
    nodes, edges = await count_nodes(db), await count_edges(db)
    error = await gql.error(query, **variables)
    assert error["extensions"]["code"] == code, error
    assert error["extensions"]["field"] == field, error
    assert (await count_nodes(db), await count_edges(db)) == (nodes, edges)
    message: str = error["message"]
    return message


async def test_no_self_links(gql: GraphQL, db: Database) -> None:
    message = await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-discover-q1", p="obj-discover-q1"
    )
    assert "obj-discover-q1" in message
    await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-discover-q1", p="kr-discover-completion"
    )
    await expect_rejected(gql, db, "VALIDATION", "toId", DEPEND, f="obj-discover-q1", t="obj-discover-q1")


async def test_no_contribution_loops(gql: GraphQL, db: Database) -> None:
    # obj-sre-q1 -> obj-platform-resilience -> obj-bank-resilience already; closing the loop must fail.
    message = await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-bank-resilience", p="obj-sre-q1"
    )
    assert "tier" in message  # strategic -> team is refused first, as pointing down a tier
    await gql.ok(
        'mutation { createObjective(input: {id: "t2", title: "Peer", tier: TEAM, ownerId: "team-devex", '
        'cycleId: "cycle-2026-q1"}) { id } }'
    )
    await gql.ok(LINK, c="t2", p="obj-sre-q1")
    message = await expect_rejected(gql, db, "VALIDATION", "parentId", LINK, c="obj-sre-q1", p="t2")
    assert "loop" in message


async def test_contributions_never_point_down_a_tier(gql: GraphQL, db: Database) -> None:
    message = await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-digital-first-week", p="obj-discover-q1"
    )
    assert "down a tier" in message


async def test_strategic_contributes_only_to_a_higher_unit(gql: GraphQL, db: Database) -> None:
    # Two BUs are peers: neither is above the other.
    await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-digital-first-week", p="obj-platform-resilience"
    )


async def test_child_cycle_lies_within_parent_cycle(gql: GraphQL, db: Database) -> None:
    await gql.ok(
        'mutation { createObjective(input: {id: "q2", title: "Q2 goal", tier: TEAM, ownerId: "team-devex", '
        'cycleId: "cycle-2026-q2"}) { id } }'
    )
    message = await expect_rejected(
        gql, db, "VALIDATION", "parentId", LINK, c="obj-digital-first-week", p="q2"
    )
    assert "tier" in message
    await expect_rejected(gql, db, "VALIDATION", "parentId", LINK, c="q2", p="obj-discover-q1")


async def test_dependencies_join_different_teams(gql: GraphQL, db: Database) -> None:
    message = await expect_rejected(
        gql, db, "VALIDATION", "toId", DEPEND, f="obj-discover-q1", t="kr-discover-tickets"
    )
    assert "different teams" in message


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 5, "target": 5}, "target"),
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 50, "target": 5}, "target"),
        ({"kind": "METRIC", "direction": "DECREASE", "baseline": 5, "target": 50}, "target"),
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 5}, "target"),
        ({"kind": "KBI", "baseline": 5, "target": 6}, "direction"),
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 5, "target": 6, "weight": 0}, "weight"),
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 5, "target": 6, "title": "   "}, "title"),
        (
            {"kind": "METRIC", "direction": "INCREASE", "baseline": 5, "target": 6, "title": "x" * 201},
            "title",
        ),
        ({"kind": "METRIC", "direction": "INCREASE", "baseline": 5, "target": 6, "id": "bad id!"}, "id"),
    ],
)
async def test_key_result_numbers_and_text(
    gql: GraphQL, db: Database, fields: dict[str, object], field: str
) -> None:
    payload = {"objectiveId": "obj-discover-q1", "title": "A KR", **fields}
    await expect_rejected(gql, db, "VALIDATION", field, KR, input=payload)


async def test_non_finite_numbers_are_refused(gql: GraphQL, db: Database) -> None:
    # JSON has no NaN; a float beyond double range is how infinity arrives over HTTP.
    body = await gql.http.post(
        "/graphql",
        content=b'{"query": "mutation { updateKeyResult(id: \\"kr-discover-completion\\", input: {current: 1e999}) '
        b'{ current } }"}',
        headers={"content-type": "application/json", "Authorization": f"Bearer {gql.token}"},
    )
    errors = body.json().get("errors")
    assert errors, body.text
    assert errors[0]["extensions"]["code"] in {"VALIDATION", "BAD_REQUEST"}
    data = await gql.ok('{ keyResult(id: "kr-discover-completion") { current } }')
    assert data["keyResult"]["current"] == 72.0


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"baseline": -1.7e308, "target": 1.7e308, "current": 1.7e308}, "baseline"),
        ({"baseline": 0, "target": 1.0000001e15}, "target"),
        ({"baseline": 0, "target": 10, "current": -2e15}, "current"),
    ],
)
async def test_key_result_numbers_beyond_1e15_are_refused(
    gql: GraphQL, db: Database, fields: dict[str, object], field: str
) -> None:
    payload = {"objectiveId": "obj-discover-q1", "title": "Huge", "kind": "METRIC", "direction": "INCREASE"}
    message = await expect_rejected(gql, db, "VALIDATION", field, KR, input={**payload, **fields})
    assert "1e15" in message
    update = (
        'mutation($c: Float) { updateKeyResult(id: "kr-discover-completion", input: {current: $c}) { id } }'
    )
    await expect_rejected(gql, db, "VALIDATION", "current", update, c=1e300)


async def test_progress_at_the_bounds_is_exact(gql: GraphQL) -> None:
    payload = {"objectiveId": "obj-discover-q1", "title": "Wide", "kind": "METRIC", "direction": "INCREASE"}
    create = "mutation($input: CreateKeyResultInput!) { createKeyResult(input: $input) { progress } }"
    for current, progress in ((1e15, 1.0), (0.0, 0.5), (-1e15, 0.0)):
        numbers = {"baseline": -1e15, "target": 1e15, "current": current}
        data = await gql.ok(create, input={**payload, **numbers})
        assert data["createKeyResult"]["progress"] == progress


async def test_missing_ids_are_not_found(gql: GraphQL, db: Database) -> None:
    await expect_rejected(gql, db, "NOT_FOUND", "parentId", LINK, c="obj-discover-q1", p="ghost")
    await expect_rejected(gql, db, "NOT_FOUND", "childId", LINK, c="ghost", p="obj-digital-first-week")
    await expect_rejected(
        gql,
        db,
        "NOT_FOUND",
        "ownerId",
        'mutation { createObjective(input: {title: "x", tier: TEAM, ownerId: "ghost", cycleId: "cycle-2026"}) { id } }',
    )
    await expect_rejected(
        gql,
        db,
        "NOT_FOUND",
        "objectiveId",
        KR,
        input={"objectiveId": "ghost", "title": "t", "kind": "MILESTONE"},
    )
    await expect_rejected(gql, db, "NOT_FOUND", "id", 'mutation { deleteObjective(id: "ghost") { id } }')


async def test_a_retried_create_never_duplicates(gql: GraphQL, db: Database) -> None:
    create = 'mutation { createPriority(input: {id: "prio-x", title: "X", cycleId: "cycle-2026"}) { id } }'
    await gql.ok(create)
    message = await expect_rejected(gql, db, "CONFLICT", "id", create)
    assert "prio-x" in message


@pytest.mark.parametrize(
    ("create", "kind", "value"),
    [
        ('mutation { createInitiative(input: {id: "0", title: "Epic"}) { id } }', "Initiative", "0"),
        (
            'mutation { createTeam(input: {id: "team-discover", name: "Again", kind: TEAM, organisationId: "org-bank", parentId: "bu-digital"}) { id } }',
            "Team",
            "team-discover",
        ),
    ],
)
async def test_a_taken_id_is_a_conflict_in_our_words(
    gql: GraphQL, db: Database, create: str, kind: str, value: str
) -> None:
    await gql.ok('mutation { createInitiative(input: {id: "0", title: "Epic"}) { id } }')
    error = await gql.error(create)
    assert error["extensions"] == {"code": "CONFLICT", "field": "id", "value": value}
    assert error["message"] == f"id {value!r} is already taken by another {kind}"
    assert "Node(" not in error["message"] and "label" not in error["message"]


async def test_deleting_a_team_that_owns_objectives_is_a_conflict(gql: GraphQL, db: Database) -> None:
    await expect_rejected(gql, db, "CONFLICT", "id", 'mutation { deleteTeam(id: "team-discover") { id } }')


async def test_strategic_objectives_belong_to_units_and_support_priorities(
    gql: GraphQL, db: Database
) -> None:
    await expect_rejected(
        gql,
        db,
        "VALIDATION",
        "ownerId",
        'mutation { createObjective(input: {title: "x", tier: STRATEGIC, ownerId: "team-discover", cycleId: "cycle-2026"}) { id } }',
    )
    await expect_rejected(
        gql,
        db,
        "VALIDATION",
        "objectiveId",
        'mutation { linkSupport(objectiveId: "obj-discover-q1", priorityId: "prio-onboarding") { id } }',
    )


async def test_unexpected_errors_are_masked(
    gql: GraphQL, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("graph.planning.objectives.get_objectives", broken)
    error = await gql.error('{ objective(id: "obj-discover-q1") { id } }')
    assert error["message"] == "Unexpected error."
    assert error["extensions"]["code"] == "INTERNAL"
