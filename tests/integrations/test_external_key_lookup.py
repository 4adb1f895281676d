"""keyResultsByExternalKey: a push integration looks its key results up by the keys it pushes under, over
GraphQL against the real Neo4j on the demo; bad keys are VALIDATION naming the argument."""

from __future__ import annotations

from typing import Any

import pytest

from graph.core.db import Database
from graph.integrations.external_keys import MAX_KEYS
from graph.integrations.tokens import create_token
from tests.api.test_bad_text import first_error
from tests.conftest import GraphQL

LOOKUP = (
    "query($keys: [String!]!) { keyResultsByExternalKey(keys: $keys) { id externalKey objective { id } } }"
)
DEMO_KEY = "amplitude:onboarding_completion"


async def test_keys_answer_in_order_with_null_for_unknown_and_repeats(
    gql: GraphQL, db: Database, demo: Any
) -> None:
    await gql.ok(
        'mutation { updateKeyResult(id: "kr-discover-tutorial", input: {externalKey: "amp:tutorial"}) { id } }'
    )
    push = (await create_token(db, name="push", scopes=["push"], team_ids=[]))[1]
    found = (await gql.as_token(push).ok(LOOKUP, keys=["amp:tutorial", "nope", DEMO_KEY, "amp:tutorial"]))[
        "keyResultsByExternalKey"
    ]
    assert [kr and kr["id"] for kr in found] == [
        "kr-discover-tutorial",
        None,
        "kr-discover-completion",
        "kr-discover-tutorial",
    ]
    assert found[2] == {
        "id": "kr-discover-completion",
        "externalKey": DEMO_KEY,
        "objective": {"id": "obj-discover-q1"},
    }


@pytest.mark.parametrize(
    ("keys", "field", "value"),
    [
        ([], "keys", 0),
        ([f"k{i}" for i in range(MAX_KEYS + 1)], "keys", MAX_KEYS + 1),
        ([DEMO_KEY, ""], "keys[1]", ""),
        ([DEMO_KEY, "has space"], "keys[1]", "has space"),
        (["x" * 201], "keys[0]", "x" * 50),
        ([DEMO_KEY, "a\ud800b"], "keys[1]", "a\\ud800b"),
    ],
    ids=["empty", "too-many", "blank", "whitespace", "too-long", "surrogate"],
)
async def test_bad_keys_are_validation_naming_the_key(
    gql: GraphQL, demo: Any, keys: list[str], field: str, value: Any
) -> None:
    error = await first_error(gql, LOOKUP, keys=keys)  # json.dumps: a surrogate travels as its escape
    assert error["extensions"]["code"] == "VALIDATION", error
    assert (error["extensions"]["field"], error["extensions"]["value"]) == (field, value)
    assert field in error["message"]


async def test_a_read_needs_a_valid_token_where_reads_are_not_public(gql: GraphQL, demo: Any) -> None:
    error = await gql.as_token("ag_" + "x" * 43).error(LOOKUP, keys=[DEMO_KEY])
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
