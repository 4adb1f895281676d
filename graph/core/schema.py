"""Apply the database schema (constraints and indexes) from cypher/schema/, idempotently."""

from __future__ import annotations

from graph.core.cypher import all_queries, query
from graph.core.db import Database

# Run last, once every constraint and index has been created.
AWAIT_INDEXES = "schema/await_indexes"


async def apply_schema(db: Database) -> list[str]:
    """Run every cypher/schema/ file (each uses IF NOT EXISTS) and return their names."""
    names = [name for name in all_queries() if name.startswith("schema/")]
    for name in names:
        if name == AWAIT_INDEXES:
            continue
        # Schema commands cannot share a transaction with each other or with data writes.
        await db.driver.execute_query(query(name), database_=db.database)
    await db.driver.execute_query(query(AWAIT_INDEXES), database_=db.database)
    return names
