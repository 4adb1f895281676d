"""A lone UTF-16 surrogate ("\\ud800" in the JSON) in any string argument is VALIDATION naming the field,
checked in one place before resolvers run (resolvers/core/text.py), never INTERNAL or HTTP 500."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL, count_nodes

pytestmark = pytest.mark.usefixtures("demo")


async def raw(gql: GraphQL, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """POST a body as json.dumps writes it: a lone surrogate travels as its escape."""
    headers = {"Authorization": f"Bearer {gql.token}", "Content-Type": "application/json"}
    response = await gql.http.post("/graphql", content=json.dumps(body).encode(), headers=headers)
    answer: dict[str, Any] = response.json()
    return response.status_code, answer


async def first_error(gql: GraphQL, query: str, **variables: Any) -> dict[str, Any]:
    status, answer = await raw(gql, {"query": query, "variables": variables})
    assert status == 200, answer
    assert answer.get("errors"), answer
    error: dict[str, Any] = answer["errors"][0]
    return error


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        ("query($id: ID!) { team(id: $id) { id } }", {"id": "t\ud800"}, "id"),
        ("query($id: ID!) { objective(id: $id) { id } }", {"id": "\udfff"}, "id"),
        (
            "query($c: ID!) { objectives(cycleId: $c) { totalCount } }",
            {"c": "2026-\ud800"},
            "c",
        ),
        (
            "mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }",
            {"i": {"title": "Ship \ud800"}},
            "i.title",
        ),
        (
            "mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }",
            {"i": {"title": "Ship", "id": "in-\ud800"}},
            "i.id",
        ),
        (
            "mutation($t: [String!]!) { __typename }",
            {"t": ["fine", "not \ud800 fine"]},
            "t[1]",
        ),
    ],
)
async def test_a_lone_surrogate_in_any_argument_is_validation_naming_it(
    gql: GraphQL, db: Database, query: str, variables: dict[str, Any], field: str
) -> None:
    before = await count_nodes(db)
    error = await first_error(gql, query, **variables)
    assert error["extensions"]["code"] == "VALIDATION", error
    assert error["extensions"]["field"] == field
    assert "\\u" in error["extensions"]["value"]  # escaped, so the answer is valid JSON and UTF-8
    assert field in error["message"] and "surrogate" in error["message"]
    assert await count_nodes(db) == before


async def test_a_lone_surrogate_in_a_key_or_the_operation_name_is_refused_with_a_code(gql: GraphQL) -> None:
    error = await first_error(
        gql,
        "mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }",
        i={"title": "x", "\ud800": 1},
    )
    assert error["extensions"]["code"] == "VALIDATION"
    status, answer = await raw(
        gql, {"query": "query A { __typename } query B { __typename }", "operationName": "\ud800"}
    )
    assert status == 400 and answer["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert "\\ud800" in answer["errors"][0]["message"]


async def test_a_lone_surrogate_in_the_document_is_a_syntax_error(gql: GraphQL) -> None:
    status, answer = await raw(gql, {"query": '{ team(id: "\ud800") { id } }'})
    assert status == 200 and answer["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert "U+D800" in answer["errors"][0]["message"]
