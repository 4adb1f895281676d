"""The committed SDL matches the code, and the schema's protective limits hold over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolvers.schema import schema
from tests.conftest import GraphQL

SDL = Path(__file__).resolve().parent.parent / "schema.graphql"
MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 4000


def _team_ancestry(parents: int) -> str:
    """`team { id parent { id parent { ... } } }` with `parents` nested parent fields."""
    selection = "id"
    for _ in range(parents):
        selection = f"id parent {{ {selection} }}"
    return f'{{ team(id: "team-discover") {{ {selection} }} }}'


def _aliases(count: int) -> str:
    return "{ " + " ".join(f'a{i}: organisation(id: "org-bank") {{ id }}' for i in range(count)) + " }"


def test_committed_sdl_matches_the_code() -> None:
    expected = schema.as_str() + "\n"
    actual = SDL.read_text(encoding="utf-8") if SDL.exists() else ""
    assert actual == expected, (
        "schema.graphql is out of date with resolvers/; run `.venv/bin/aligngraph export-schema` and commit it"
    )


@pytest.mark.usefixtures("demo")
async def test_query_at_the_depth_limit_runs(gql: GraphQL) -> None:
    # The root field is depth 0, so `team` + 11 `parent`s puts the innermost `id` at depth 12.
    data = await gql.ok(_team_ancestry(MAX_DEPTH - 1))
    assert data["team"]["parent"]["id"] == "bu-digital"


async def test_query_deeper_than_the_limit_is_rejected(gql: GraphQL) -> None:
    body = await gql(_team_ancestry(MAX_DEPTH))
    assert body["data"] is None
    error = body["errors"][0]
    assert f"exceeds maximum operation depth of {MAX_DEPTH}" in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.usefixtures("demo")
async def test_aliases_up_to_the_limit_run(gql: GraphQL) -> None:
    data = await gql.ok(_aliases(MAX_ALIASES))
    assert len(data) == MAX_ALIASES


async def test_too_many_aliases_are_rejected(gql: GraphQL) -> None:
    body = await gql(_aliases(MAX_ALIASES + 1))
    assert body["data"] is None
    error = body["errors"][0]
    assert error["message"] == f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_too_many_tokens_are_rejected(gql: GraphQL) -> None:
    error = await gql.error("{ " + " ".join(["__typename"] * (MAX_TOKENS + 1)) + " }")
    assert f"more than {MAX_TOKENS} tokens" in error["message"]
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_syntax_error_is_a_bad_request(gql: GraphQL) -> None:
    body = await gql('{ team(id: "team-discover") { id ')
    assert body["data"] is None
    error = body["errors"][0]
    assert error["message"].startswith("Syntax Error")
    assert error["extensions"] == {"code": "BAD_REQUEST"}


async def test_validation_error_is_a_bad_request(gql: GraphQL) -> None:
    error = await gql.error("{ nope }")
    assert "Cannot query field 'nope'" in error["message"]
    assert error["extensions"] == {"code": "BAD_REQUEST"}


async def test_date_scalars_name_their_format(gql: GraphQL) -> None:
    for name in ("Date", "DateTime"):
        data = await gql.ok("query ($name: String!) { __type(name: $name) { specifiedByURL } }", name=name)
        assert data["__type"]["specifiedByURL"] == "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"
