"""Query cost (resolvers/core/cost.py) and per-token budgets (resolvers/core/budget.py), over HTTP against
the real Neo4j: every answer says its cost, an over-cost operation is refused before any Cypher runs, and a
token that spent its budget gets 429 RATE_LIMITED until its window ends."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL
from tests.live_server import serving

ORGANISATIONS = "{ organisations(first: 5) { nodes { id name } } }"
# objectives 1 + nodes 1 + 100 x (keyResults 1 + 10 x (history 1 + nodes 1 + 100 x value 1)) = 102,102
HISTORIES = "{ objectives(first: 100) { nodes { keyResults { history(first: 100) { nodes { value } } } } } }"


async def _refused_without_cypher(db: Database, gql: GraphQL, query: str, **variables: Any) -> dict[str, Any]:
    before = db.query_count
    body = await gql(query, **variables)
    assert db.query_count == before  # the token is cached (the gql fixture): nothing at all ran
    assert body["data"] is None
    error: dict[str, Any] = body["errors"][0]
    assert error["extensions"]["code"] == "COST_LIMIT"
    assert body["extensions"]["cost"]["requested"] == error["extensions"]["value"] > 50_000
    assert body["extensions"]["cost"]["actual"] == 0
    return body


@pytest.mark.usefixtures("demo")
async def test_every_answer_says_what_it_cost(gql: GraphQL) -> None:
    body = await gql(ORGANISATIONS)
    assert body["data"]["organisations"]["nodes"] == [{"id": "org-bank", "name": "Example Bank"}]
    cost = body["extensions"]["cost"]
    # Asked for: organisations, nodes, and 5 x (id, name); got: organisations, nodes, one id and name.
    assert cost["requested"] == 12
    assert cost["actual"] == 4
    assert cost["limit"] == 50_000
    assert cost["budget"]["limit"] == 5_000_000
    assert cost["budget"]["remaining"] == 5_000_000 - 4 - 1  # the gql fixture's `{ __typename }` cost 1
    assert 0 < cost["budget"]["resetInSeconds"] <= 60
    # Variables, argument defaults (history's first: 50) and fragments count like literals.
    body = await gql(
        "query ($n: Int!) { objectives(first: $n) { nodes { ...O } } } "
        "fragment O on Objective { keyResults { history { nodes { value } } } }",
        n=3,
    )
    assert body["extensions"]["cost"]["requested"] == 1 + 1 + 3 * (1 + 10 * (1 + 1 + 50))


async def test_refusals_before_running_say_so_too(gql: GraphQL) -> None:
    body = await gql("{ nope }")
    assert body["extensions"]["cost"] == {"requested": None, "actual": None, "limit": 50_000}


@pytest.mark.usefixtures("demo")
async def test_an_over_cost_query_is_refused_before_any_cypher_runs(db: Database, gql: GraphQL) -> None:
    body = await _refused_without_cypher(db, gql, HISTORIES)
    assert body["extensions"]["cost"]["requested"] == 102_102
    assert body["errors"][0]["message"].startswith(
        "This operation may cost 102,102, over the limit of 50,000 (AG_MAX_QUERY_COST)"
    )
    # A page size from a variable counts the same; within the limit, the same query runs.
    await _refused_without_cypher(
        db,
        gql,
        "query ($n: Int!) { objectives(first: $n) "
        "{ nodes { keyResults { history(first: 100) { nodes { value } } } } } }",
        n=100,
    )
    body = await gql(HISTORIES.replace("first: 100) { nodes { keyResults", "first: 40) { nodes { keyResults"))
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["requested"] == 2 + 40 * (1 + 10 * 102)


@pytest.mark.usefixtures("demo")
async def test_alias_heavy_and_fragment_fan_out_documents_are_refused_before_they_run(
    db: Database, gql: GraphQL
) -> None:
    # 20 aliases (under the 30 allowed) of one page of 100 objectives with their key results.
    aliases = " ".join(
        f"a{i}: objectives(first: 100) {{ nodes {{ keyResults {{ id title current target }} }} }}"
        for i in range(20)
    )
    body = await _refused_without_cypher(db, gql, f"{{ {aliases} }}")
    assert body["extensions"]["cost"]["requested"] == 20 * (2 + 100 * (1 + 10 * 4))
    # A handful of fields (far under AG_MAX_FIELDS once expanded), fanned out by the lists they sit in.
    fan_out = (
        "{ objectives(first: 50) { nodes { ...K } } } "
        "fragment K on Objective { keyResults { history(first: 100) { nodes { ...M } } } } "
        "fragment M on Measurement { value observedAt source }"
    )
    await _refused_without_cypher(db, gql, fan_out)


@pytest.mark.usefixtures("demo")
async def test_a_spent_budget_answers_429_until_the_window_ends(db: Database) -> None:
    settings = Settings(rate_limit=10, rate_limit_window_seconds=2)
    first = (await create_token(db, name="first", scopes=["read"], all_organisations=True))[1]
    other = (await create_token(db, name="other", scopes=["read"], all_organisations=True))[1]
    async with (
        serving(create_app(settings, db=db), settings) as server,
        httpx.AsyncClient(base_url=server.base_url) as http,
    ):

        async def post(token: str) -> httpx.Response:
            headers = {"authorization": f"Bearer {token}"}
            return await http.post("/graphql", json={"query": ORGANISATIONS}, headers=headers)

        # Each answer holds 4 fields: the third spends 12 of 10, so the fourth is refused.
        spent = [(await post(first)).json()["extensions"]["cost"]["budget"]["remaining"] for _ in range(3)]
        assert spent == [6, 2, 0]
        before = db.query_count
        limited = await post(first)
        assert db.query_count == before
        assert limited.status_code == 429
        assert limited.headers["retry-after"] in {"1", "2"}
        body = limited.json()
        assert body["data"] is None
        error = body["errors"][0]
        assert error["extensions"]["code"] == "RATE_LIMITED"
        assert error["extensions"]["retryAfter"] == int(limited.headers["retry-after"])
        assert error["message"].startswith("This token has spent its budget of 10 (AG_RATE_LIMIT) for 2 s")
        # Another token has a budget of its own.
        assert (await post(other)).status_code == 200

        await asyncio.sleep(int(limited.headers["retry-after"]) + 0.1)
        recovered = await post(first)
        assert recovered.status_code == 200
        assert recovered.json()["data"]["organisations"]["nodes"][0]["id"] == "org-bank"
        assert recovered.json()["extensions"]["cost"]["budget"]["remaining"] == 6
