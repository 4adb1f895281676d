"""Global ids (issue 13): every object implements Node, node(id:) and nodes(ids:) refetch any of them, and an id
is unique across every kind, so a create with an id another kind holds is CONFLICT."""

from __future__ import annotations

from typing import Any

import pytest

from graph.core.db import Database
from graph.core.keys import KINDS
from resolvers.schema import schema
from tests.conftest import GraphQL, count_nodes

# One refetch per kind: the id, the node(id:) selection, and the per-type read that must answer the same.
FIELDS = {
    "Organisation": "name vision",
    "Team": "name kind parent { id }",
    "Cycle": "name kind startDate endDate",
    "Priority": "title cycle { id }",
    "Objective": "title tier status owner { id } keyResults { id }",
    "KeyResult": "title kind baseline target current progress",
    "Initiative": "title status url",
    "CheckIn": "confidence issues plan author createdAt objective { id }",
    "Retrospective": "kind attractors detractors author objective { id } team { id }",
    "Measurement": "value observedAt source",
}
DEMO_IDS = {
    "Organisation": "org-bank",
    "Team": "team-discover",
    "Cycle": "cycle-2026-q1",
    "Priority": "prio-onboarding",
    "Objective": "obj-discover-q1",
    "KeyResult": "kr-discover-completion",
    "Initiative": "init-guided-setup",
}
LOOKUP = {
    "Organisation": "organisation",
    "Team": "team",
    "Cycle": "cycle",
    "Priority": "priority",
    "Objective": "objective",
    "KeyResult": "keyResult",
    "Initiative": "initiative",
}


LISTS = f"""{{ objective(id: "obj-identity-q1") {{ checkIns(first: 50) {{ nodes {{ id {FIELDS["CheckIn"]} }} }}
      retrospectives {{ id {FIELDS["Retrospective"]} }} }}
    keyResult(id: "kr-identity-instant-verification") {{ history(first: 100) {{ nodes {{ id {FIELDS["Measurement"]} }} }} }} }}"""


async def _listed(gql: GraphQL) -> dict[str, dict[str, Any]]:
    """The first check-in, retrospective and measurement of the demo, as their parents' lists show them."""
    lists = await gql.ok(LISTS)
    return {
        "CheckIn": lists["objective"]["checkIns"]["nodes"][0],
        "Retrospective": lists["objective"]["retrospectives"][0],
        "Measurement": lists["keyResult"]["history"]["nodes"][0],
    }


async def _demo_ids(gql: GraphQL) -> dict[str, str]:
    """The demo's ids of every kind."""
    return {**DEMO_IDS, **{kind: item["id"] for kind, item in (await _listed(gql)).items()}}


def test_every_kind_with_an_id_implements_node() -> None:
    implementing = {
        t.name for t in schema._schema.get_implementations(schema._schema.type_map["Node"]).objects
    }  # type: ignore[arg-type]
    assert implementing == set(KINDS) == set(FIELDS)


async def test_node_refetches_each_kind_with_its_fields(gql: GraphQL, db: Database, demo: Any) -> None:
    ids = await _demo_ids(gql)
    for kind, id in ids.items():
        data = await gql.ok(f'{{ node(id: "{id}") {{ __typename id ... on {kind} {{ {FIELDS[kind]} }} }} }}')
        node = data["node"]
        assert node["__typename"] == kind and node["id"] == id, node
        if kind in LOOKUP:
            typed = await gql.ok(f'{{ {LOOKUP[kind]}(id: "{id}") {{ __typename id {FIELDS[kind]} }} }}')
            assert node == typed[LOOKUP[kind]]
    # The three without a per-type lookup answer what their parent's lists answer.
    for kind, item in (await _listed(gql)).items():
        data = await gql.ok(f'{{ node(id: "{item["id"]}") {{ id ... on {kind} {{ {FIELDS[kind]} }} }} }}')
        assert data["node"] == item


async def test_nodes_keeps_the_order_and_answers_null_for_unknown_ids(
    gql: GraphQL, db: Database, demo: Any
) -> None:
    asked = ["kr-discover-completion", "no-such-id", "team-discover", "obj-discover-q1", "no-such-id"]
    before = db.query_count
    data = await gql.ok("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", ids=asked)
    assert [n and (n["__typename"], n["id"]) for n in data["nodes"]] == [
        ("KeyResult", "kr-discover-completion"),
        None,
        ("Team", "team-discover"),
        ("Objective", "obj-discover-q1"),
        None,
    ]
    # One query for the kinds, then one batch per kind asked for.
    assert db.query_count - before == 1 + 3
    assert (await gql.ok('{ node(id: "no-such-id") { id } }'))["node"] is None
    assert (await gql.ok("{ nodes(ids: []) { id } }"))["nodes"] == []


async def test_nodes_is_bounded(gql: GraphQL, demo: Any) -> None:
    error = await gql.error(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=[f"x-{i}" for i in range(101)]
    )
    assert error["extensions"] == {"code": "VALIDATION", "field": "ids", "value": 101}
    assert "at most 100" in error["message"]


async def test_an_object_of_another_organisation_is_null(gql: GraphQL, db: Database, demo: Any) -> None:
    from graph.integrations.tokens import create_token

    await gql.ok('mutation { createOrganisation(input: {id: "org-b", name: "Other"}) { id } }')
    other = gql.as_token((await create_token(db, name="b", scopes=["read"], organisation_id="org-b"))[1])
    bank = gql.as_token((await create_token(db, name="a", scopes=["read"], organisation_id="org-bank"))[1])
    ids = await _demo_ids(gql)
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    # Every kind, the organisation itself included: null for B, exactly like an id that names nothing.
    assert (await other.ok(query, ids=[*ids.values(), "no-such-id"]))["nodes"] == [None] * (len(ids) + 1)
    assert (await other.ok('{ team(id: "team-discover") { id } node(id: "team-discover") { id } }')) == {
        "team": None,
        "node": None,
    }
    assert [n["id"] for n in (await bank.ok(query, ids=list(ids.values())))["nodes"]] == list(ids.values())
    assert (await bank.ok('{ node(id: "org-b") { id } }'))["node"] is None


# Each create mutation, with an id another kind already holds on the demo ("prio-onboarding" is a priority;
# the priority's own create takes a team's id).
CREATES = {
    "createOrganisation": ('{id: "prio-onboarding", name: "Taken"}', "prio-onboarding", "Priority"),
    "createTeam": (
        '{id: "prio-onboarding", name: "Taken", kind: TEAM, organisationId: "org-bank", parentId: "bu-digital"}',
        "prio-onboarding",
        "Priority",
    ),
    "createCycle": (
        '{id: "prio-onboarding", name: "Taken", kind: YEAR, startDate: "2030-01-01", endDate: "2030-12-31"}',
        "prio-onboarding",
        "Priority",
    ),
    "createPriority": (
        '{id: "kr-discover-tutorial", title: "Taken", cycleId: "cycle-2026"}',
        "kr-discover-tutorial",
        "KeyResult",
    ),
    "createObjective": (
        '{id: "prio-onboarding", title: "Taken", tier: TEAM, ownerId: "team-discover", cycleId: "cycle-2026-q1"}',
        "prio-onboarding",
        "Priority",
    ),
    "createKeyResult": (
        '{id: "team-discover", objectiveId: "obj-discover-q1", title: "Taken", kind: MILESTONE}',
        "team-discover",
        "Team",
    ),
    "createInitiative": ('{id: "obj-discover-q1", title: "Taken"}', "obj-discover-q1", "Objective"),
}


@pytest.mark.parametrize("mutation", sorted(CREATES))
async def test_a_create_with_an_id_another_kind_holds_is_a_conflict(
    gql: GraphQL, db: Database, demo: Any, mutation: str
) -> None:
    given, id, holder = CREATES[mutation]
    nodes = await count_nodes(db)
    error = await gql.error(f"mutation {{ {mutation}(input: {given}) {{ id }} }}")
    assert error["extensions"] == {"code": "CONFLICT", "field": "id", "value": id}
    assert error["message"] == f"id {id!r} is already taken by another {holder}"
    assert await count_nodes(db) == nodes
    # The holder is untouched and still the one object the id names.
    assert (await gql.ok(f'{{ node(id: "{id}") {{ __typename }} }}'))["node"]["__typename"] == holder


def _assert_keyed(records: list[Any]) -> None:
    assert records == [], f"objects without the :Keyed label: {records}"


async def test_every_seeded_object_carries_the_shared_label(db: Database, demo: Any) -> None:
    labels = "|".join(KINDS)
    found = await db.driver.execute_query(
        f"MATCH (n:{labels}) WHERE NOT n:Keyed RETURN labels(n), n.id LIMIT 5"
    )
    _assert_keyed(found.records)


PLAN_IMPORT = """
mutation($document: String!) {
  importPlan(document: $document) { applied problems { code message path field } }
}
"""


async def test_a_plan_taking_an_id_another_kind_holds_is_a_conflict(
    gql: GraphQL, db: Database, demo: Any
) -> None:
    from tests.plans.small import SMALL

    # A new unit named like the demo's priority, and a new key result named like the demo's team.
    plan = (
        SMALL.replace("{id: acme-web, name: Web,", "{id: prio-onboarding, name: Web,")
        .replace("parentId: acme-web}", "parentId: prio-onboarding}")
        .replace("ownerId: acme-web\n", "ownerId: prio-onboarding\n")
        .replace("{id: acme-instant,", "{id: team-discover,")
    )
    nodes = await count_nodes(db)
    result = (await gql.ok(PLAN_IMPORT, document=plan))["importPlan"]
    assert result["applied"] is False
    assert [p for p in result["problems"] if p["code"] == "CONFLICT"] == [
        {
            "code": "CONFLICT",
            "message": "'prio-onboarding' is already a Priority of organisation 'org-bank'",
            "path": "teams[2].id",
            "field": "id",
        },
        {
            "code": "CONFLICT",
            "message": "'team-discover' is already a Team of organisation 'org-bank'",
            "path": "objectives[2].keyResults[0].id",
            "field": "id",
        },
    ], result["problems"]
    assert await count_nodes(db) == nodes


async def test_a_plan_giving_one_id_to_two_kinds_is_a_conflict(gql: GraphQL, db: Database) -> None:
    from tests.plans.small import SMALL

    plan = SMALL.replace("{id: acme-onboarding, title:", "{id: acme-2026-q1, title:")
    plan = plan.replace("priorityId: acme-onboarding", "priorityId: acme-2026-q1")
    result = (await gql.ok(PLAN_IMPORT, document=plan))["importPlan"]
    assert result["applied"] is False
    assert {
        "code": "CONFLICT",
        "message": "id 'acme-2026-q1' is given twice (first at cycles[1])",
        "path": "priorities[0].id",
        "field": "id",
    } in result["problems"]
    assert await count_nodes(db) == 1  # the admin token


async def test_the_cost_of_nodes_counts_the_ids_asked_for(gql: GraphQL, demo: Any) -> None:
    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", ids=["a", "b", "c"])
    assert body["extensions"]["cost"]["requested"] == 1 + 3 * 2
    body = await gql('{ nodes(ids: ["a", "b", "c", "d"]) { id } }')
    assert body["extensions"]["cost"]["requested"] == 1 + 4
