"""A document is parsed and validated once per text (resolvers/core/limits.py), and reads are auto-commit
queries (graph/core/db.py): the answers must be exactly those of a first, uncached request, every time."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.test_bad_text import raw
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")


async def answer(gql: GraphQL, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The status and answer without extensions (the rate limit's budget moves with every request)."""
    status, body = await raw(gql, body)
    body.pop("extensions", None)
    return status, body


async def twice(gql: GraphQL, body: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [await answer(gql, body) for _ in range(2)]


async def test_an_invalid_document_is_refused_each_time_with_the_same_errors(gql: GraphQL) -> None:
    first, second = await twice(gql, {"query": "{ objective(id: 1) { noSuchField } }"})
    assert first == second
    status, answer = first
    assert status == 200 and answer["data"] is None
    assert any("noSuchField" in error["message"] for error in answer["errors"]), answer
    assert {error["extensions"]["code"] for error in answer["errors"]} == {"BAD_REQUEST"}


async def test_a_syntax_error_is_reported_each_time(gql: GraphQL) -> None:
    first, second = await twice(gql, {"query": "{ objective(id: "})
    assert first == second
    assert first[1]["errors"][0]["extensions"]["code"] == "BAD_REQUEST", first


async def test_a_known_document_still_checks_its_variables_on_every_request(gql: GraphQL) -> None:
    document = "query($id: ID!) { objective(id: $id) { id title } }"
    good = await answer(gql, {"query": document, "variables": {"id": "obj-digital-first-week"}})
    assert good[1]["data"]["objective"]["id"] == "obj-digital-first-week", good
    missing = await answer(gql, {"query": document, "variables": {}})
    assert missing[1]["data"] is None and "$id" in missing[1]["errors"][0]["message"], missing
    surrogate = await answer(gql, {"query": document, "variables": {"id": "\ud800"}})
    assert surrogate[1]["errors"][0]["extensions"]["code"] == "VALIDATION", surrogate
    again = await answer(gql, {"query": document, "variables": {"id": "obj-digital-first-week"}})
    assert again == good


async def test_the_limits_are_checked_for_a_cached_document_too(gql: GraphQL) -> None:
    deep = '{ team(id: "t") {' + " parent {" * 20 + " id" + " }" * 20 + " } }"
    first, second = await twice(gql, {"query": deep})
    assert first == second
    assert first[1]["data"] is None and "depth" in first[1]["errors"][0]["message"].lower(), first


async def test_reads_see_a_write_made_just_before(gql: GraphQL) -> None:
    read = "query($id: ID!) { objective(id: $id) { title } }"
    assert (await gql.ok(read, id="obj-digital-first-week"))["objective"]["title"] != "Renamed"
    await gql.ok(
        "mutation($id: ID!, $i: UpdateObjectiveInput!) { updateObjective(id: $id, input: $i) { id } }",
        id="obj-digital-first-week",
        i={"title": "Renamed"},
    )
    assert (await gql.ok(read, id="obj-digital-first-week"))["objective"]["title"] == "Renamed"
