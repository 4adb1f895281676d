"""A real uvicorn serving the app on a free loopback port, in the test's event loop, sharing its driver.

Clients that block (the sync client, the CLI) must run in a thread (`asyncio.to_thread`) while the server
answers in this loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest
import uvicorn
from fastapi import FastAPI

from api.http_limits import server_config
from api.main import create_app
from api.settings import Settings
from graph.core.db import Database

START_S = 10.0


@dataclass(frozen=True)
class LiveServer:
    app: FastAPI
    base_url: str  # http://127.0.0.1:<port>

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/graphql"


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # Leave Ctrl+C to pytest: uvicorn would otherwise take SIGINT over while it serves in the main thread.
        yield


@contextlib.asynccontextmanager
async def serving(app: FastAPI, settings: Settings | None = None) -> AsyncIterator[LiveServer]:
    """Serve `app` on 127.0.0.1 until the block ends, configured as `aligngraph serve` configures uvicorn."""
    settings = settings or Settings()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = server_config(
        app,
        header_timeout_s=settings.header_timeout_seconds,
        keep_alive_s=settings.keep_alive_seconds,
        max_connections=settings.max_connections,
        log_level="warning",
        lifespan="on",
        ws="auto",
    )
    server = _Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        async with asyncio.timeout(START_S):
            while not server.started:
                if task.done():
                    task.result()
                    raise RuntimeError("uvicorn stopped while starting")
                await asyncio.sleep(0.01)
        yield LiveServer(app, f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        await task
        sock.close()


@pytest.fixture
async def live_server(db: Database, settings: Settings) -> AsyncIterator[LiveServer]:
    """The app (create_app(settings, db=db)) served by uvicorn on a free port for one test."""
    async with serving(create_app(settings, db=db), settings) as running:
        yield running
