"""Single-node writes shared by the repositories: update by id, delete by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from graph.db import Database, Tx
from graph.errors import not_found

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
) -> T:
    """Run the named `SET n += $changes` query in one transaction; NOT_FOUND when no row comes back."""

    async def work(tx: Tx) -> T:
        row = await tx.one(name, id=id, changes=changes)
        if row is None:
            raise not_found(kind, "id", id)
        return build(row[column])

    return await db.write(work)


async def delete_by_id(db: Database, name: str, *, id: str, kind: str) -> str:
    """Run the named delete query in one transaction; NOT_FOUND when no row comes back."""

    async def work(tx: Tx) -> str:
        if await tx.one(name, id=id) is None:
            raise not_found(kind, "id", id)
        return id

    return await db.write(work)
