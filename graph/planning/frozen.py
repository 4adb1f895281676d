"""Closed cycles freeze their objectives: the one check every write path runs before it changes one.

`closeCycle` sets a cycle's status to CLOSED. From then on its objectives, their key results, the links that
touch them, their check-ins and values pushed to their key results are refused (CONFLICT, or for pushes a
per-item CYCLE_CLOSED). Retrospectives and carry-overs are still allowed: they read a closed cycle, they do
not change it.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.core.db import Tx
from graph.core.errors import ConflictError


async def closed_of(tx: Tx, ids: Sequence[str]) -> dict[str, str]:
    """Lock the objectives, key results or cycles named; map those in a CLOSED cycle to that cycle's id.

    Every write that changes an objective, a key result or a link touching one runs this (through
    `ensure_open`) before it writes; pushes use `closed_key_results` under their own key-result locks.
    """
    if not ids:
        return {}
    rows = await tx.run("cycles/lock_closed_of", ids=sorted(set(ids)))
    return {row["id"]: row["cycleId"] for row in rows}


async def ensure_open(tx: Tx, ids: Sequence[str], *, field: str) -> None:
    """Raise CONFLICT when any of these objectives, key results or cycles sits in a closed cycle."""
    closed = await closed_of(tx, ids)
    for id in ids:
        if id in closed:
            cycle = closed[id]
            what = f"cycle {id!r} is closed" if cycle == id else f"{id!r} is in closed cycle {cycle!r}"
            raise ConflictError(f"{what}; a closed cycle's objectives are frozen", field=field, value=id)


async def closed_key_results(tx: Tx, ids: Sequence[str]) -> dict[str, str]:
    """Map the key results (already locked by the caller) that sit in a CLOSED cycle to that cycle's id."""
    if not ids:
        return {}
    row = await tx.one("cycles/closed_key_results", ids=list(ids))
    return {kr: cycle for kr, cycle in row["closed"]} if row else {}
