"""Every GraphQL example in the README runs on the demo organisation without errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import GraphQL

EXAMPLES = re.findall(r"```graphql\n(.*?)```", (Path(__file__).parents[2] / "README.md").read_text(), re.S)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.splitlines()[0][:60] for e in EXAMPLES])
async def test_readme_example_runs(gql: GraphQL, example: str) -> None:
    data = await gql.ok(example)
    assert data and all(value is not None for value in data.values())
