"""Time what pricing an operation adds: the requested cost of the map's largest query, and counting the
fields of a page of 100 objectives as the map receives it (docs/BENCHMARKS.md, "Query cost")."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from graphql import OperationDefinitionNode, parse

from resolvers.core.cost import CostLimits, answer_cost, requested_cost
from resolvers.schema import schema

ROOT = Path(__file__).resolve().parents[1]
RUNS = 2000


def map_objectives() -> str:
    """The map's MapObjectives query with its fragment, as web/map/data.js sends it."""
    source = (ROOT / "web" / "map" / "data.js").read_text(encoding="utf-8")
    fragment = re.search(r"const OBJECTIVE = `(.*?)`;", source, re.S)
    query = re.search(r"const OBJECTIVES = `(.*?)`;", source, re.S)
    assert fragment is not None and query is not None
    return query.group(1).replace("${OBJECTIVE}", fragment.group(1))


def a_page() -> dict[str, Any]:
    """A page of 100 objectives shaped like the map's answer: three key results, one parent each."""
    key_result = dict.fromkeys(
        ["id", "title", "kind", "unit", "baseline", "current", "target", "progress", "done"], 1
    )
    objective = {
        **dict.fromkeys(["id", "title", "tier", "status", "confidence", "progress"], 1),
        "owner": {"id": 1, "name": 1, "kind": 1, "parent": {"id": 1, "name": 1, "kind": 1, "parent": None}},
        "cycle": {"id": 1, "name": 1},
        "keyResults": [key_result] * 3,
        "parents": [{"weight": 1, "countsTowardProgress": True, "parent": {"__typename": 1, "id": 1}}],
        "supports": [{"id": 1}],
    }
    return {"objectives": {"nodes": [objective] * 100, "pageInfo": {"hasNextPage": True, "endCursor": 1}}}


def per_run(step: Any) -> float:
    started = time.process_time()
    for _ in range(RUNS):
        step()
    return (time.process_time() - started) / RUNS


def main() -> None:
    document = parse(map_objectives())
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    limits = CostLimits()
    cost = requested_cost(schema._schema, document, operation, {"first": 100}, limits)
    seconds = per_run(lambda: requested_cost(schema._schema, document, operation, {"first": 100}, limits))
    print(f"requested cost of MapObjectives(first: 100): {cost:,}, {seconds * 1e6:.0f} µs CPU per run")
    page = a_page()
    fields = answer_cost(page, at_most=cost)
    seconds = per_run(lambda: answer_cost(page, at_most=cost))
    print(f"counting a page of 100 objectives ({fields:,} fields): {seconds * 1e3:.2f} ms CPU per run")


if __name__ == "__main__":
    main()
