"""Apply the database schema (constraints and indexes) from cypher/schema/, idempotently."""

from __future__ import annotations

from graph.core.cypher import all_queries, query
from graph.core.db import Database
from graph.core.keys import check_no_shared_ids, key_older_nodes

# Run last, once every constraint and index has been created.
AWAIT_INDEXES = "schema/await_indexes"


async def apply_schema(db: Database) -> list[str]:
    """Run every cypher/schema/ file (each uses IF NOT EXISTS) and return their names.

    A database written before ids were unique across kinds is checked first (SharedIdsError, listing the ids
    objects of different kinds share, before anything changes), and its objects get the :Keyed label once
    the constraint is in place."""
    unkeyed = await check_no_shared_ids(db)
    names = [name for name in all_queries() if name.startswith("schema/")]
    for name in names:
        if name == AWAIT_INDEXES:
            continue
        # Schema commands cannot share a transaction with each other or with data writes.
        await db.driver.execute_query(query(name), database_=db.database)
    await db.driver.execute_query(query(AWAIT_INDEXES), database_=db.database)
    if unkeyed:
        await key_older_nodes(db)
    return names
