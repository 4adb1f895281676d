"""Bearer tokens and scopes over GraphQL: who may read, plan, push and administer, and what is refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.integrations.tokens import TokenCache, create_token, hash_secret, revoke_token
from resolvers.integrations.auth import MUTATION_SCOPES
from resolvers.schema import schema
from tests.conftest import GraphQL, count_nodes

pytestmark = pytest.mark.usefixtures("demo")

READ = '{ team(id: "team-discover") { name } }'
CREATE_TEAM = (
    'mutation { createTeam(input: {name: "Pricing", kind: TEAM, organisationId: "org-bank", parentId: "bu-digital"}) '
    "{ id } }"
)
CREATE_ORG = 'mutation { createOrganisation(input: {name: "Other Co"}) { id } }'
UPDATE_KR = 'mutation { updateKeyResult(id: "kr-discover-completion", input: {title: "Renamed"}) { title } }'
PUSH = """
mutation($values: [KeyResultValueInput!]!) {
  pushKeyResultValues(values: $values) { accepted rejected items { status reason keyResultId } }
}
"""
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def value(kr: str, v: float = 80.0) -> dict[str, Any]:
    return {"keyResultId": kr, "value": v, "observedAt": NOW.isoformat(), "source": "test"}


async def token(db: Database, *scopes: str, teams: tuple[str, ...] = ()) -> str:
    return (await create_token(db, name="-".join(scopes), scopes=list(scopes), team_ids=teams))[1]


def code(error: dict[str, Any]) -> str:
    return str(error["extensions"]["code"])


async def test_no_token_reads_and_writes_nothing(gql: GraphQL, db: Database) -> None:
    anonymous = gql.as_token(None)
    before = await count_nodes(db)
    error = await anonymous.error(READ)
    assert code(error) == "UNAUTHENTICATED"
    assert error["extensions"]["field"] == "Authorization"
    assert code(await anonymous.error(CREATE_TEAM)) == "UNAUTHENTICATED"
    assert code(await anonymous.error(PUSH, values=[value("kr-discover-completion")])) == "UNAUTHENTICATED"
    assert await count_nodes(db) == before


@pytest.mark.parametrize("header", ["Bearer ag_not-a-real-token", "Bearer nonsense", "Basic abc", "Bearer"])
async def test_bad_tokens_are_unauthenticated(gql: GraphQL, header: str) -> None:
    response = await gql.http.post("/graphql", json={"query": READ}, headers={"Authorization": header})
    body = response.json()
    assert body["data"] is None
    assert code(body["errors"][0]) == "UNAUTHENTICATED"


async def test_schema_introspection_needs_no_token(gql: GraphQL) -> None:
    data = await gql.as_token(None).ok("{ __schema { queryType { name } } }")
    assert data["__schema"]["queryType"]["name"] == "Query"


async def test_read_scope_reads_but_changes_nothing(gql: GraphQL, db: Database) -> None:
    reader = gql.as_token(await token(db, "read"))
    assert (await reader.ok(READ))["team"]["name"] == "Discover"
    error = await reader.error(CREATE_TEAM)
    assert code(error) == "FORBIDDEN"
    assert (error["extensions"]["field"], error["extensions"]["value"]) == ("createTeam", "write")
    assert code(await reader.error(PUSH, values=[value("kr-discover-completion")])) == "FORBIDDEN"
    assert (await gql.ok(READ))["team"]["name"] == "Discover"
    teams = await gql.ok('{ team(id: "bu-digital") { children { name } } }')
    assert "Pricing" not in {t["name"] for t in teams["team"]["children"]}


async def test_write_scope_plans_but_does_not_push_or_administer(gql: GraphQL, db: Database) -> None:
    writer = gql.as_token(await token(db, "write"))
    assert (await writer.ok(CREATE_TEAM))["createTeam"]["id"]
    assert (await writer.ok(UPDATE_KR))["updateKeyResult"]["title"] == "Renamed"
    assert code(await writer.error(PUSH, values=[value("kr-discover-completion")])) == "FORBIDDEN"
    assert code(await writer.error(CREATE_ORG)) == "FORBIDDEN"


async def test_push_scope_pushes_only(gql: GraphQL, db: Database) -> None:
    pusher = gql.as_token(await token(db, "push"))
    result = (await pusher.ok(PUSH, values=[value("kr-discover-completion", 81.0)]))["pushKeyResultValues"]
    assert result["accepted"] == 1
    assert code(await pusher.error(UPDATE_KR)) == "FORBIDDEN"
    assert (await pusher.ok('{ keyResult(id: "kr-discover-completion") { current } }'))["keyResult"][
        "current"
    ] == 81.0


async def test_admin_may_do_everything(gql: GraphQL) -> None:
    assert (await gql.ok(CREATE_ORG))["createOrganisation"]["id"]
    assert (await gql.ok(PUSH, values=[value("kr-identity-fraud", 0.05)]))["pushKeyResultValues"][
        "accepted"
    ] == 1


async def test_team_restricted_push_token(gql: GraphQL, db: Database) -> None:
    pusher = gql.as_token(await token(db, "push", teams=("team-discover",)))
    identity_kr = '{ keyResult(id: "kr-identity-instant-verification") { current history { totalCount } } }'
    before = await gql.ok(identity_kr)
    values = [value("kr-discover-completion", 83.0), value("kr-identity-instant-verification", 99.0)]
    result = (await pusher.ok(PUSH, values=values))["pushKeyResultValues"]
    assert result["accepted"] == 1 and result["rejected"] == 1
    assert [(i["status"], i["reason"]) for i in result["items"]] == [
        ("ACCEPTED", None),
        ("REJECTED", "FORBIDDEN"),
    ]
    assert result["items"][1]["keyResultId"] == "kr-identity-instant-verification"
    assert await gql.ok(identity_kr) == before  # the refused value wrote nothing


async def test_unit_restriction_covers_the_teams_beneath(gql: GraphQL, db: Database) -> None:
    pusher = gql.as_token(await token(db, "push", teams=("bu-platform",)))
    values = [
        value("kr-identity-instant-verification", 40.0),  # team-identity sits in bu-platform
        value("kr-platform-failover", 50.0),  # owned by bu-platform itself
        value("kr-discover-completion", 90.0),  # bu-digital: refused
    ]
    result = (await pusher.ok(PUSH, values=values))["pushKeyResultValues"]
    assert [i["status"] for i in result["items"]] == ["ACCEPTED", "ACCEPTED", "REJECTED"]


async def test_revoked_token_is_refused(db: Database) -> None:
    info, secret = await create_token(db, name="temp", scopes=["read"])
    app = create_app(Settings(token_cache_seconds=0), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        reader = GraphQL(http, secret)
        await reader.ok(READ)
        await revoke_token(db, info.id)
        assert code(await reader.error(READ)) == "UNAUTHENTICATED"


async def test_token_cache_remembers_for_its_seconds(db: Database) -> None:
    info, secret = await create_token(db, name="cached", scopes=["read"])
    app = create_app(Settings(token_cache_seconds=300), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        reader = GraphQL(http, secret)
        await reader.ok(READ)
        before = db.query_count
        await reader.ok(READ)
        assert db.query_count - before == 1  # the team, not the token again
        await revoke_token(db, info.id)
        await reader.ok(READ)  # still remembered: the documented price of the cache


async def test_token_cache_keeps_recent_tokens_through_a_flood_of_unknown_ones(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TokenCache, "size", 3)  # the 10,000 of production, made small
    a, b, c, d = [await token(db, "read") for _ in range(4)]
    app = create_app(Settings(token_cache_seconds=300), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:

        async def lookups(secret: str) -> int:
            """Queries beyond the one that reads the team: 1 when the token was looked up."""
            before = db.query_count
            await GraphQL(http, secret).ok(READ)
            return db.query_count - before - 1

        assert [await lookups(s) for s in (a, b, c, a)] == [1, 1, 1, 0]
        for i in range(50):
            unknown = GraphQL(http, f"ag_{i:043d}")
            assert code(await unknown.error(READ)) == "UNAUTHENTICATED"
        before = db.query_count
        assert code(await GraphQL(http, f"ag_{0:043d}").error(READ)) == "UNAUTHENTICATED"
        assert db.query_count - before == 1  # misses are looked up again, never remembered
        assert [await lookups(s) for s in (a, c)] == [0, 0]  # the flood evicted nothing
        assert await lookups(d) == 1  # the 4th token evicts the least recently used: b
        assert [await lookups(s) for s in (a, c, d, b)] == [0, 0, 0, 1]


async def test_tokens_are_stored_only_as_hashes(db: Database) -> None:
    _, secret = await create_token(db, name="stored", scopes=["push"])
    rows = await db.driver.execute_query("MATCH (t:ApiToken) RETURN properties(t) AS p")
    stored = rows.records[0]["p"]
    assert secret not in {str(v) for v in stored.values()}
    assert stored["hash"] == hash_secret(secret)


async def test_fragments_and_named_operations_are_checked(gql: GraphQL, db: Database) -> None:
    reader = gql.as_token(await token(db, "read"))
    sneaky = f"mutation {{ ...M }} fragment M on Mutation {{ {CREATE_TEAM[len('mutation { ') : -2]} }}"
    assert code(await reader.error(sneaky)) == "FORBIDDEN"
    document = f"query Look {READ} {CREATE_TEAM.replace('mutation', 'mutation Change', 1)}"
    response = await reader.http.post(
        "/graphql",
        json={"query": document, "operationName": "Change"},
        headers={"Authorization": f"Bearer {reader.token}"},
    )
    assert code(response.json()["errors"][0]) == "FORBIDDEN"
    response = await reader.http.post(
        "/graphql",
        json={"query": document, "operationName": "Look"},
        headers={"Authorization": f"Bearer {reader.token}"},
    )
    assert response.json()["data"]["team"]["name"] == "Discover"


async def test_public_reads_setting(db: Database) -> None:
    app = create_app(Settings(public_reads=True, token_cache_seconds=0), db=db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        anonymous = GraphQL(http)
        assert (await anonymous.ok(READ))["team"]["name"] == "Discover"
        assert code(await anonymous.error(CREATE_TEAM)) == "UNAUTHENTICATED"
        # A token that is sent must still be valid.
        assert code(await GraphQL(http, "ag_unknown").error(READ)) == "UNAUTHENTICATED"


def test_every_mutation_has_a_decided_scope() -> None:
    mutation_type = schema._schema.mutation_type
    assert mutation_type is not None
    missing = sorted(set(mutation_type.fields) - set(MUTATION_SCOPES))
    assert not missing, (
        f"decide the scope of these mutations in resolvers/integrations/auth.py MUTATION_SCOPES: {missing}"
    )
