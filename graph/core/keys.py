"""Ids as global keys: every refetchable object carries the :Keyed label, whose id is unique across kinds.

An id names at most one object of any kind in the whole database (the `keyed_id` constraint), so the ids
users already write (plan files, analysts' Cypher, integrations) are the API's global ids too
(docs/ARCHITECTURE.md, "Global ids").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from neo4j.exceptions import ConstraintError

from graph.core.errors import ConflictError, taken, taken_parts

if TYPE_CHECKING:
    from graph.core.db import Database, Reader

# The refetchable kinds: each node label that carries :Keyed, as GraphQL names the type (the Cypher files in
# cypher/keys/ list the same labels; tests/planning/test_global_ids.py checks them against the schema's Node types).
KINDS = (
    "Organisation",
    "Team",
    "Cycle",
    "Priority",
    "Objective",
    "KeyResult",
    "Initiative",
    "CheckIn",
    "Retrospective",
    "Measurement",
)
KEYED = "Keyed"
# How many older objects get the label per transaction when the schema is applied.
KEY_BATCH = 20_000
# How many shared ids a refused migration lists.
SHARED_SHOWN = 100


class SharedIdsError(ConflictError):
    """Objects of different kinds share an id, so the :Keyed constraint cannot hold until they are renamed."""


async def kinds_of(db: Reader, ids: Sequence[str]) -> dict[str, str]:
    """The kind of object each id names, in every organisation (ids naming nothing are left out)."""
    rows = await db.read("keys/kinds_of", ids=list(dict.fromkeys(ids)))
    return {row["id"]: row["kind"] for row in rows}


async def conflict_of(db: Reader, exc: ConstraintError) -> ConflictError:
    """The CONFLICT for a unique value already stored; for an id held by an object of any kind, name the kind
    holding it (Neo4j's text names the shared label only)."""
    parts = taken_parts(exc)
    if parts is None or parts[0] != KEYED:
        return taken(exc)
    value = parts[2]
    holder = (await kinds_of(db, [value])).get(value, "object")
    return taken(exc, holder=holder)


async def check_no_shared_ids(db: Database) -> int:
    """Raise SharedIdsError, listing them, when objects of different kinds share an id: checked before the
    schema changes anything, and only when some objects lack the label (their count is cheap to read).
    Return how many objects lack it."""
    rows = await db.read("keys/unkeyed_count")
    unkeyed = int(rows[0]["unkeyed"]) if rows else 0
    if unkeyed <= 0:
        return 0
    shared = await db.read("keys/shared_ids", limit=SHARED_SHOWN)
    if not shared:
        return unkeyed
    lines = [
        f"  {row['id']!r}: "
        + ", ".join(f"{h['kind']} of organisation {h['organisationId']!r}" for h in row["holders"])
        for row in shared
    ]
    more = " (the first 100)" if len(shared) == SHARED_SHOWN else ""
    raise SharedIdsError(
        "Ids must be unique across every kind of object, but these are held by objects of more than one kind"
        f"{more}:\n"
        + "\n".join(lines)
        + "\nRename or delete one of each, then run `aligngraph schema apply` "
        "again. Nothing was changed.",
        field="id",
        value=shared[0]["id"],
    )


async def key_older_nodes(db: Database) -> int:
    """Give every object that lacks it the :Keyed label, in batches; return how many got it."""
    total = 0
    while True:
        rows = await db.write(lambda tx: tx.run("keys/key_older_nodes", batch=KEY_BATCH))
        keyed = int(rows[0]["keyed"]) if rows else 0
        total += keyed
        if keyed < KEY_BATCH:
            return total
