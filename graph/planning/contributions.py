"""Contributions with the objective or key result at their other end, in one query per level.

For the look-ahead (resolvers/planning/ahead.py): a query that selects `children { child { ... } }` or
`parents { parent { ... } }` gets the edges and the nodes they join in one round trip.
"""

from __future__ import annotations

from typing import Any

from graph.core.db import Database
from graph.core.models import Contribution, KeyResult, Objective
from graph.core.paging import groups

Linked = tuple[Contribution, Objective | KeyResult | None]


def _linked(item: dict[str, Any]) -> Linked:
    if item.get("objective") is not None:
        return Contribution.from_row(item), Objective.from_row(item["objective"])
    if item.get("keyResult") is not None:
        return Contribution.from_row(item), KeyResult.from_row(item["keyResult"])
    return Contribution.from_row(item), None


async def contributions_from_with_parents(db: Database, ids: list[str]) -> list[list[Linked]]:
    """Each objective's contributions upward with the parent each points at, in order of `ids`."""
    rows = await db.read("links/contributions_from_with_parents", ids=ids)
    return groups(rows, ids, build=_linked)


async def contributions_to_with_children(db: Database, ids: list[str]) -> list[list[Linked]]:
    """The contributions to each objective or key result with the child objective of each, in order of `ids`."""
    rows = await db.read("links/contributions_to_with_children", ids=ids)
    return groups(rows, ids, build=_linked)
