"""What every `aligngraph` sub-command shares: the Neo4j it talks to, and running async work against it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from rich.console import Console

from api.settings import Settings, get_settings
from graph.core.db import Database
from graph.core.keys import SharedIdsError
from runtime import local_neo4j

T = TypeVar("T")
# Notes about the local Neo4j go to stderr: stdout stays the command's own output (a token, CSV, JSON).
notes = Console(stderr=True)


def local_name() -> str:
    """The local Neo4j's name (AG_LOCAL_NEO4J_NAME, default dev): its data lives in .neo4j/<name>."""
    return get_settings().local_neo4j_name


def settings_with_neo4j(*, one_off: bool = True) -> tuple[Settings, bool]:
    """Return settings pointing at Neo4j, starting the local one when NEO4J_URI is unset, and whether this
    call started it. A one-off command leaves it running for the next one, and says so."""
    settings = get_settings()
    if settings.neo4j_uri is not None:
        return settings, False
    name = local_name()
    already = local_neo4j.status(name) is not None
    server = local_neo4j.start(
        name, heap_mb=settings.local_neo4j_heap_mb, pagecache_mb=settings.local_neo4j_pagecache_mb
    )
    if one_off and not already:
        notes.print(
            f"Started the local Neo4j ({name}) at {server.uri} and left it running for the next command; "
            "stop it with `aligngraph neo4j stop`."
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

    try:
        return asyncio.run(run())
    except SharedIdsError as exc:
        # Every command that applies the schema stops here on data it cannot key, with the list, not a trace.
        notes.print(exc.message, markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
