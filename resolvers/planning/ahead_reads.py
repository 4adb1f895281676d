"""The fetches and builds of resolvers/planning/ahead.py's relations that choose among fixed files by the
selection (brief or full key results, contributions with or without their ends) or join a union's kinds."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

from graph.core import models
from graph.core.db import Database
from graph.core.progress import objective_progress
from graph.planning import contributions, key_results, links, objectives
from resolvers.core.enums import KeyResultKind
from resolvers.core.selection import Wanted, ahead_attr
from resolvers.planning.okrs import Contribution, KeyResult, Objective

T = TypeVar("T")
Fields = Mapping[str, Wanted]
# A relation's query: the values for these keys, in their order, given what is selected of the relation.
Fetch = Callable[[Database, list[str], Fields], Awaitable[Sequence[Any]]]


# Key result fields a brief row can answer: its own few properties, and fields resolved from its id.
BRIEF = frozenset(
    {"__typename", "id", "title", "unit", "current", "target", "objective", "initiatives", "contributors"}
    | {"dependsOn", "dependedOnBy", "history", "valueAt", "progressAt"}
)


def brief_key_result(row: dict[str, Any]) -> KeyResult:
    # Only BRIEF fields are selected, so the others are never read: they hold placeholders. Built without
    # the dataclass's __init__, which costs more than the rest of a row (hundreds per request).
    kr = KeyResult.__new__(KeyResult)
    kr.__dict__.update(_BRIEF_PLACEHOLDERS)
    kr.__dict__.update(
        id=row["id"],
        title=row["title"],
        unit=row["unit"],
        target=row["target"],
        current=row["current"],
        objective_id=row["objectiveId"],
    )
    return kr


_BRIEF_PLACEHOLDERS: dict[str, Any] = {
    "kind": KeyResultKind.METRIC,
    "direction": None,
    "baseline": None,
    "done": False,
    "weight": 1.0,
    "progress": None,
    "external_key": None,
    "last_observed_at": None,
}


async def key_results_of(db: Database, keys: list[str], fields: Fields) -> Sequence[Any]:
    """Full key results, or brief rows when the selection needs nothing else (progress needs them full)."""
    wanted = fields.get("keyResults")
    if "progress" not in fields and wanted is not None and set(wanted.for_type("KeyResult")) <= BRIEF:
        return [("brief", rows) for rows in await key_results.brief_key_results_of_objectives(db, keys)]
    return [("full", krs) for krs in await key_results.key_results_of_objectives(db, keys)]


def key_result_list(found: tuple[str, list[Any]]) -> list[KeyResult]:
    kind, items = found
    return [brief_key_result(r) for r in items] if kind == "brief" else [KeyResult.of(k) for k in items]


async def parents_of(db: Database, keys: list[str], fields: Fields) -> Sequence[Any]:
    """Contributions upward; with their parents in the same query when the selection reads them."""
    if "parent" in fields["parents"].for_type("Contribution"):
        return await contributions.contributions_from_with_parents(db, keys)
    return await links.contributions_from(db, keys)


def children_of(field: str) -> Fetch:
    async def fetch(db: Database, keys: list[str], fields: Fields) -> Sequence[Any]:
        """Contributions downward; with their children in the same query when the selection reads them."""
        if "child" in fields[field].for_type("Contribution"):
            return await contributions.contributions_to_with_children(db, keys)
        return await links.contributions_to(db, keys)

    return fetch


def contribution(found: models.Contribution | contributions.Linked) -> Contribution:
    """A contribution, with the node at its other end attached when the query read it."""
    if not isinstance(found, tuple):
        return Contribution.of(found)
    edge, end = found
    built = Contribution.of(edge)
    if isinstance(end, models.Objective):
        built.__dict__[ahead_attr("child" if end.id == edge.child_id else "parent")] = Objective.of(end)
    elif isinstance(end, models.KeyResult):
        built.__dict__[ahead_attr("parent")] = KeyResult.of(end)
    return built


def progress(found: tuple[str, list[models.KeyResult]]) -> float | None:
    return objective_progress(found[1])


async def targets(db: Database, keys: list[str], fields: Fields) -> Sequence[Any]:
    """Objectives and key results by "Kind:id" key (a union's objects), each kind in one query, at once."""
    split: dict[str, list[str]] = {"Objective": [], "KeyResult": []}
    for key in keys:
        kind, _, id = key.partition(":")
        split[kind].append(id)
    found_objectives, found_key_results = await asyncio.gather(
        _unless_empty(objectives.get_objectives, db, split["Objective"]),
        _unless_empty(key_results.get_key_results, db, split["KeyResult"]),
    )
    built: dict[str, Objective | KeyResult] = {}
    for o in found_objectives:
        if o is not None:
            built[f"Objective:{o.id}"] = Objective.of(o)
    for k in found_key_results:
        if k is not None:
            built[f"KeyResult:{k.id}"] = KeyResult.of(k)
    return [built.get(key) for key in keys]


async def _unless_empty(
    fetch: Callable[[Database, list[str]], Awaitable[list[T]]], db: Database, keys: list[str]
) -> list[T]:
    return await fetch(db, keys) if keys else []
