"""Roll-up: an objective's own progress next to the progress rolled up from everything contributing to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph.core.db import Database
from graph.core.errors import not_found
from graph.core.history import values_on
from graph.core.models import RollupMethod


@dataclass(frozen=True)
class Share:
    """A counting contribution: the child's share of its parent (weight / sibling weights, or weight for SUM)."""

    parent_id: str
    child_id: str
    share: float


@dataclass(frozen=True)
class RolledContribution:
    """One contribution edge of the roll-up, with the child's own and rolled-up progress."""

    depth: int
    parent_id: str
    via_key_result_id: str | None
    child_id: str
    weight: float
    share: float
    own_progress: float | None
    rolled_up_progress: float | None
    child_method: RollupMethod = RollupMethod.MEAN  # how the child's own contributions roll up


@dataclass(frozen=True)
class Rollup:
    objective_id: str
    method: RollupMethod
    own_progress: float | None
    rolled_up_progress: float | None
    contributions: list[RolledContribution]


def roll_up(
    shares: Iterable[Share], *, own_progress: Mapping[str, float | None], methods: Mapping[str, RollupMethod]
) -> dict[str, float | None]:
    """Return the rolled-up progress of every objective that has counting contributions."""
    below: dict[str, list[Share]] = {}
    for share in shares:
        below.setdefault(share.parent_id, []).append(share)
    rolled: dict[str, float | None] = {}

    def value(node: str) -> float | None:
        # A contributor counts with its own roll-up; with nothing measured below it, with its own progress.
        if node in below and (result := rolled_of(node)) is not None:
            return result
        return own_progress.get(node)

    def rolled_of(node: str) -> float | None:
        if node not in rolled:
            rolled[node] = None  # computed once per node; a hand-made CONTRIBUTES_TO loop also stops here
            parts = [(s.share, value(s.child_id)) for s in below[node]]
            rolled[node] = _combine(methods.get(node, RollupMethod.MEAN), parts)
        return rolled[node]

    for node in below:
        rolled_of(node)
    return rolled


def _combine(method: RollupMethod, parts: list[tuple[float, float | None]]) -> float | None:
    """Combine (share, value) pairs: a mean renormalised over known values, or a sum capped at 1."""
    known = [(share, value) for share, value in parts if value is not None]
    if not known:
        return None
    total = sum(share * value for share, value in known)
    if method is RollupMethod.SUM:
        return min(1.0, total)
    return total / sum(share for share, _ in known)


async def rollup(db: Database, *, objective_id: str, as_of: dt.date | None = None) -> Rollup:
    """Return an objective's own progress, its rolled-up progress and every counting contribution below it.

    With a past `as_of`, every progress is the one its key results' measurements gave on that day.
    """
    rows = await db.read("alignment/rollup", objectiveId=objective_id, valuesOn=values_on(as_of))
    if not rows:
        raise not_found("objective", "objectiveId", objective_id)
    root, *edges = rows
    own_progress = {row["childId"]: row["ownProgress"] for row in rows}
    methods = {row["childId"]: RollupMethod(row["childMethod"]) for row in rows}
    rolled = roll_up(
        (Share(parent_id=e["parentId"], child_id=e["childId"], share=e["share"]) for e in edges),
        own_progress=own_progress,
        methods=methods,
    )
    contributions = [
        RolledContribution(
            depth=e["depth"],
            parent_id=e["parentId"],
            via_key_result_id=e["viaKeyResultId"],
            child_id=e["childId"],
            weight=e["weight"],
            share=e["share"],
            own_progress=e["ownProgress"],
            rolled_up_progress=rolled.get(e["childId"]),
            child_method=methods[e["childId"]],
        )
        for e in edges
    ]
    return Rollup(
        objective_id=objective_id,
        method=methods[objective_id],
        own_progress=root["ownProgress"],
        rolled_up_progress=rolled.get(objective_id),
        contributions=contributions,
    )
