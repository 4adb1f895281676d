"""Single-node writes shared by the repositories: update by id, delete by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from graph.core.db import Database, Tx
from graph.core.errors import not_found
from graph.planning import alignment_state, frozen

T = TypeVar("T")


async def update_by_id(
    db: Database,
    name: str,
    *,
    id: str,
    changes: dict[str, Any],
    kind: str,
    column: str,
    build: Callable[[Any], T],
    frozen_in_closed_cycle: bool = False,
    realign: bool = False,
) -> T:
    """Run the named `SET n += $changes` query in one transaction; NOT_FOUND when no row comes back.

    With `frozen_in_closed_cycle`, a node (objective, key result) in a closed cycle is a CONFLICT. With
    `realign`, the objective's alignment state (and what sits below it) is refreshed in the same transaction.
    """

    async def work(tx: Tx) -> T:
        if frozen_in_closed_cycle:
            await frozen.ensure_open(tx, [id], field="id")
        row = await tx.one(name, id=id, changes=changes)
        if row is None:
            raise not_found(kind, "id", id)
        if realign:
            await alignment_state.refresh(tx, [id])
        return build(row[column])

    return await db.write(work)


async def delete_by_id(
    db: Database,
    name: str,
    *,
    id: str,
    kind: str,
    frozen_in_closed_cycle: bool = False,
    realign: str | None = None,
    recount: str | None = None,
) -> str:
    """Run the named delete query in one transaction; NOT_FOUND when no row comes back (CONFLICT in a closed
    cycle, with `frozen_in_closed_cycle`). `realign` names a query (with `$id`) giving the objectives whose
    alignment the delete changes: read before it, refreshed after it, in the same transaction; `recount` one
    giving the teams whose coverage rows it changes (graph/planning/coverage_state.py), read before it too."""

    async def work(tx: Tx) -> str:
        if frozen_in_closed_cycle:
            await frozen.ensure_open(tx, [id], field="id")
        touched = [row["id"] for row in await tx.run(realign, id=id)] if realign else []
        teams = [row["id"] for row in await tx.run(recount, id=id)] if recount else []
        if await tx.one(name, id=id) is None:
            raise not_found(kind, "id", id)
        await alignment_state.refresh(tx, touched, teams=teams)
        return id

    return await db.write(work)
