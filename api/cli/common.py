"""What every `aligngraph` sub-command shares: the Neo4j it talks to, and running async work against it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from api.settings import Settings, get_settings
from graph.core.db import Database
from runtime import local_neo4j

T = TypeVar("T")
# The local Neo4j's name: its data lives in .neo4j/dev.
LOCAL = "dev"


def settings_with_neo4j() -> tuple[Settings, bool]:
    """Return settings pointing at Neo4j, starting the local one when NEO4J_URI is unset."""
    settings = get_settings()
    if settings.neo4j_uri is not None:
        return settings, False
    already = local_neo4j.status(LOCAL) is not None
    server = local_neo4j.start(
        LOCAL, heap_mb=settings.local_neo4j_heap_mb, pagecache_mb=settings.local_neo4j_pagecache_mb
    )
    return settings.model_copy(update={"neo4j_uri": server.uri}), not already


def with_db(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    assert settings.neo4j_uri is not None

    async def run() -> T:
        db = Database.connect(
            settings.neo4j_uri or "",
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            unavailable_s=settings.db_unavailable_timeout_seconds,
        )
        try:
            await db.verify()
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())
