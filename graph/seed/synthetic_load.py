"""Load a synthetic organisation in batched write transactions, with a progress bar.

Nodes are merged on id and edges are merged, so loading the same organisation again adds nothing. A synthetic
organisation of another seed or size is deleted first, so two never mix.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.core.db import Database, Tx
from graph.core.schema import apply_schema
from graph.planning import alignment_state
from graph.seed.synthetic_shape import LABELS, ORG_ID, PREFIX, Row, SyntheticOrg

BATCH = 5000


async def synthetic_counts(db: Database) -> dict[str, int]:
    """Return how many nodes of each label the synthetic organisation has in the database."""
    row = (await db.read("synthetic/count_nodes", prefix=PREFIX))[0]
    return {label: int(row[label]) for label in LABELS}


async def loaded_name(db: Database) -> str | None:
    """Return the name of the synthetic organisation in the database (it names seed and size), or None."""
    if (await synthetic_counts(db))["Organisation"] == 0:
        return None  # and no warning about property keys an empty database does not know yet
    rows = await db.read("organisations/get_organisations", ids=[ORG_ID])
    return str(rows[0]["organisation"]["name"]) if rows else None


async def is_loaded(db: Database, org: SyntheticOrg) -> bool:
    """Return whether exactly this organisation (same seed and size, all nodes) is in the database."""
    return await synthetic_counts(db) == org.counts() and await loaded_name(db) == org.name


async def delete_synthetic(db: Database, *, batch: int = BATCH) -> int:
    """Delete every node whose id starts with the synthetic prefix, in batches; return how many."""

    async def work(tx: Tx) -> int:
        row = await tx.one("synthetic/delete_batch", prefix=PREFIX, limit=batch)
        assert row is not None
        return int(row["deleted"])

    total = 0
    while deleted := await db.write(work):
        total += deleted
    return total


def _merge(name: str, rows: list[Row]) -> Callable[[Tx], Awaitable[None]]:
    async def work(tx: Tx) -> None:
        await tx.run(name, rows=rows)

    return work


async def load_synthetic(
    db: Database, org: SyntheticOrg, *, batch: int = BATCH, console: Console | None = None
) -> dict[str, int]:
    """Apply the schema, replace another synthetic organisation, load this one; return counts per label."""
    await apply_schema(db)  # MERGE on id needs the unique indexes, or every batch scans
    name = await loaded_name(db)
    if name is not None and name != org.name:
        await delete_synthetic(db, batch=batch)
    steps = org.steps()
    columns = (TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("loading", total=sum(math.ceil(len(rows) / batch) for _, rows in steps))
        for query_name, rows in steps:
            progress.update(task, description=query_name)
            for start in range(0, len(rows), batch):
                await db.write(_merge(query_name, rows[start : start + batch]))
                progress.advance(task)
        progress.update(task, description="alignment state")
        await db.write(lambda tx: alignment_state.rebuild(tx, ORG_ID))
    return await synthetic_counts(db)
