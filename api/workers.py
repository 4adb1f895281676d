"""`aligngraph serve --workers N`: N uvicorn worker processes behind one port, over one Neo4j.

The parent process prepares the database once (schema, missing alignment state, the demo), binds the port,
and hands the socket to N workers (uvicorn's multiprocess supervisor, which also replaces a worker that
dies). Each worker builds the app from the settings the parent resolved (`WORKER_SETTINGS` in its
environment: the local Neo4j's address among them) and opens its own driver.

What the workers share lives in Neo4j: tokens (each worker caches a lookup for `AG_TOKEN_CACHE_SECONDS`, so
a revoked token stops working everywhere within that window) and live updates (the change feed,
graph/integrations/change_feed.py). What stays per worker: the token cache, the parsed-document cache and
each token's rate-limit budget (a token served by N workers may spend up to N budgets a minute).
"""

from __future__ import annotations

import asyncio
import os

from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from api.http_limits import GuardedH11Protocol, server_config
from api.main import connect, create_app, prepare
from api.settings import Settings

WORKER_SETTINGS = "AG_WORKER_SETTINGS"


def serve_workers(settings: Settings, *, demo: bool, host: str, port: int, workers: int) -> None:
    """Prepare the database, then serve with `workers` processes until SIGINT or SIGTERM."""
    asyncio.run(_prepare(settings, demo=demo))
    # Spawned workers inherit the environment; the settings carry the Neo4j password, as the parent's own
    # environment or .env did.
    os.environ[WORKER_SETTINGS] = settings.model_dump_json()
    config = server_config(
        f"{__name__}:worker_app",
        host=host,
        port=port,
        keep_alive_s=settings.keep_alive_seconds,
        max_connections=settings.max_connections,
        protocol=GuardedH11Protocol,
        factory=True,
        workers=workers,
    )
    Multiprocess(config, sockets=[config.bind_socket()]).run()


async def _prepare(settings: Settings, *, demo: bool) -> None:
    database = connect(settings)
    try:
        await prepare(database, demo=demo)
    finally:
        await database.close()


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn calls this factory in each worker)."""
    settings = Settings.model_validate_json(os.environ[WORKER_SETTINGS])
    GuardedH11Protocol.header_timeout_s = settings.header_timeout_seconds
    return create_app(settings, prepared=True)
