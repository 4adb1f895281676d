"""Two organisations that share nothing but the database: the demo bank (A) and a small second one (B) built
through GraphQL mutations, with a token bound to each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from graph.core.db import Database
from graph.integrations.tokens import create_token
from graph.seed.demo import seed_demo
from tests.conftest import GraphQL

BANK = "org-bank"
OTHER = "org-b"

# B's ids, one per kind; every id of B starts with "b-" (and the organisation is "org-b").
B = {
    "company": "b-company",
    "bu": "b-bu",
    "team": "b-team-1",
    "team2": "b-team-2",
    "year": "b-2026",
    "quarter": "b-2026-q1",
    "priority": "b-prio",
    "priority2": "b-prio-unsupported",
    "strategic": "b-strategic",
    "objective": "b-team-obj",
    "objective2": "b-team-obj-2",
    "strategic_kr": "b-kr-strategic",
    "kr": "b-kr-team",
    "kr2": "b-kr-team-2",
    "initiative": "b-init",
}

# The demo ids A's side of the tests uses.
A = {
    "team": "team-discover",
    "bu": "bu-digital",
    "year": "cycle-2026",
    "quarter": "cycle-2026-q1",
    "priority": "prio-onboarding",
    "strategic": "obj-digital-first-week",
    "objective": "obj-discover-q1",
    "kr": "kr-discover-completion",
    "initiative": "init-guided-setup",
}


@dataclass
class Orgs:
    """Both organisations, their tokens' clients and every id each holds."""

    admin: GraphQL  # a token of every organisation
    a: GraphQL  # an admin token of the bank only
    b: GraphQL  # an admin token of B only
    bank_ids: frozenset[str]
    b_ids: frozenset[str]


async def _all_ids(db: Database) -> frozenset[str]:
    result = await db.driver.execute_query(
        "MATCH (n) WHERE n.id IS NOT NULL AND NOT n:ApiToken RETURN n.id AS id"
    )
    return frozenset(str(record["id"]) for record in result.records)


async def build_b(gql: GraphQL) -> None:
    """Organisation B, made only through the public API, with every kind of node and link."""
    steps: list[tuple[str, dict[str, Any]]] = [
        (
            "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }",
            {"id": OTHER, "name": "Other company", "vision": "Another vision"},
        ),
        (
            "mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }",
            {"id": B["company"], "name": "Other Co", "kind": "COMPANY", "organisationId": OTHER},
        ),
        (
            "mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }",
            {
                "id": B["bu"],
                "name": "Other BU",
                "kind": "BUSINESS_UNIT",
                "organisationId": OTHER,
                "parentId": B["company"],
            },
        ),
        (
            "mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }",
            {
                "id": B["team"],
                "name": "Other team one",
                "kind": "TEAM",
                "organisationId": OTHER,
                "parentId": B["bu"],
            },
        ),
        (
            "mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }",
            {
                "id": B["team2"],
                "name": "Other team two",
                "kind": "TEAM",
                "organisationId": OTHER,
                "parentId": B["bu"],
            },
        ),
        (
            "mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }",
            {
                "id": B["year"],
                "name": "2026",
                "kind": "YEAR",
                "startDate": "2026-01-01",
                "endDate": "2026-12-31",
                "organisationId": OTHER,
            },
        ),
        (
            "mutation($i: CreateCycleInput!) { createCycle(input: $i) { id } }",
            {
                "id": B["quarter"],
                "name": "Q1 2026",
                "kind": "QUARTER",
                "startDate": "2026-01-01",
                "endDate": "2026-03-31",
                "parentId": B["year"],
            },
        ),
        (
            "mutation($i: CreatePriorityInput!) { createPriority(input: $i) { id } }",
            {"id": B["priority"], "title": "Other priority", "cycleId": B["year"]},
        ),
        (
            "mutation($i: CreatePriorityInput!) { createPriority(input: $i) { id } }",
            {"id": B["priority2"], "title": "Other unsupported priority", "cycleId": B["year"]},
        ),
        (
            "mutation($i: CreateObjectiveInput!) { createObjective(input: $i) { id } }",
            {
                "id": B["strategic"],
                "title": "Other strategic objective",
                "tier": "STRATEGIC",
                "status": "ACTIVE",
                "ownerId": B["bu"],
                "cycleId": B["year"],
            },
        ),
        (
            "mutation($i: CreateObjectiveInput!) { createObjective(input: $i) { id } }",
            {
                "id": B["objective"],
                "title": "Other team objective",
                "tier": "TEAM",
                "status": "ACTIVE",
                "ownerId": B["team"],
                "cycleId": B["quarter"],
                "confidence": 3,
            },
        ),
        (
            "mutation($i: CreateObjectiveInput!) { createObjective(input: $i) { id } }",
            {
                "id": B["objective2"],
                "title": "Other orphan",
                "tier": "TEAM",
                "status": "ACTIVE",
                "ownerId": B["team2"],
                "cycleId": B["quarter"],
            },
        ),
        (
            "mutation($i: CreateKeyResultInput!) { createKeyResult(input: $i) { id } }",
            {
                "id": B["strategic_kr"],
                "objectiveId": B["strategic"],
                "title": "Other strategic KR",
                "kind": "METRIC",
                "direction": "INCREASE",
                "baseline": 0,
                "target": 100,
                "current": 10,
            },
        ),
        (
            "mutation($i: CreateKeyResultInput!) { createKeyResult(input: $i) { id } }",
            {
                "id": B["kr"],
                "objectiveId": B["objective"],
                "title": "Other team KR",
                "kind": "METRIC",
                "direction": "INCREASE",
                "baseline": 0,
                "target": 10,
                "current": 2,
                "externalKey": "b:team-kr",
            },
        ),
        (
            "mutation($i: CreateKeyResultInput!) { createKeyResult(input: $i) { id } }",
            {"id": B["kr2"], "objectiveId": B["objective2"], "title": "Other orphan KR", "kind": "MILESTONE"},
        ),
        (
            "mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }",
            {"id": B["initiative"], "title": "Other initiative", "organisationId": OTHER},
        ),
    ]
    for query, variables in steps:
        await gql.ok(query, i=variables)
    links = [
        f'linkSupport(objectiveId: "{B["strategic"]}", priorityId: "{B["priority"]}") {{ id }}',
        f'linkContribution(childId: "{B["objective"]}", parentId: "{B["strategic_kr"]}") {{ weight }}',
        f'linkDependency(fromId: "{B["objective2"]}", toId: "{B["kr"]}", note: "b") {{ note }}',
        f'linkDependency(fromId: "{B["objective"]}", toId: "{B["objective2"]}", note: "a loop") {{ note }}',
        f'linkInitiative(initiativeId: "{B["initiative"]}", keyResultId: "{B["kr"]}") {{ id }}',
    ]
    for link in links:
        await gql.ok(f"mutation {{ {link} }}")
    await gql.ok(
        "mutation($i: RecordCheckInInput!) { recordCheckIn(input: $i) { id } }",
        i={
            "objectiveId": B["objective"],
            "confidence": 4,
            "plan": "keep going",
            "author": "b",
            "issues": ["b issue"],
            "values": [{"keyResultId": B["kr"], "value": 3}],
        },
    )
    await gql.ok(
        "mutation($i: RecordRetrospectiveInput!) { recordRetrospective(input: $i) { id } }",
        i={
            "kind": "MID_CYCLE",
            "author": "b",
            "teamId": B["team"],
            "cycleId": B["quarter"],
            "learnings": ["b"],
        },
    )


@pytest.fixture
async def orgs(db: Database, gql: GraphQL) -> Orgs:
    await seed_demo(db)
    bank_ids = await _all_ids(db)
    await build_b(gql)
    b_ids = await _all_ids(db) - bank_ids
    token_a = (await create_token(db, name="bank admin", scopes=["admin"], organisation_id=BANK))[1]
    token_b = (await create_token(db, name="b admin", scopes=["admin"], organisation_id=OTHER))[1]
    return Orgs(admin=gql, a=gql.as_token(token_a), b=gql.as_token(token_b), bank_ids=bank_ids, b_ids=b_ids)


def ids_in(value: Any) -> set[str]:
    """Every string anywhere in a response (ids, titles, ...), to compare with one organisation's ids."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(ids_in(v) for v in value.values())) if value else set()
    if isinstance(value, list | tuple):
        return set().union(*(ids_in(v) for v in value)) if value else set()
    return set()


async def same_as_unknown(client: GraphQL, query: str, other_id: str) -> dict[str, Any]:
    """The answer about another organisation's object equals the answer about an id that names nothing."""
    theirs = await client(query)
    unknown = await client(query.replace(other_id, "no-such-id"))

    def shape(body: dict[str, Any], id: str) -> Any:
        errors = [
            {
                "code": e["extensions"]["code"],
                "field": e["extensions"].get("field"),
                "message": e["message"].replace(id, "<id>"),
                "path": e.get("path"),
            }
            for e in body.get("errors", [])
        ]
        return body.get("data"), errors

    assert shape(theirs, other_id) == shape(unknown, "no-such-id"), (theirs, unknown)
    assert other_id not in str(theirs.get("data")), theirs
    return theirs


async def snapshot(db: Database, ids: frozenset[str]) -> list[Any]:
    """Every property and edge of these nodes, to prove a refused write changed nothing."""
    result = await db.driver.execute_query(
        "MATCH (n) WHERE n.id IN $ids "
        "RETURN n.id AS id, properties(n) AS props, "
        "[(n)-[r]-(m) | [type(r), startNode(r) = n, m.id, properties(r)]] AS edges ORDER BY id",
        ids=sorted(ids),
    )
    return [[r["id"], sorted(r["props"].items()), sorted(map(str, r["edges"]))] for r in result.records]
