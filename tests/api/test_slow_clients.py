"""Slow clients against a real uvicorn configured as `aligngraph serve` configures it (api/http_limits.py)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import httpx

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from tests.live_server import LiveServer, serving

HEADER_TIMEOUT_S = 1.0


@contextlib.asynccontextmanager
async def server(db: Database, **limits: float) -> AsyncIterator[LiveServer]:
    settings = Settings(**{"header_timeout_seconds": HEADER_TIMEOUT_S, **limits})
    async with serving(create_app(settings, db=db), settings) as live:
        yield live


async def _open(live: LiveServer) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    host, port = live.base_url.removeprefix("http://").split(":")
    return await asyncio.open_connection(host, int(port))


async def _trickle(live: LiveServer, seconds: float, first: bytes = b"") -> float | None:
    """Send a request's headers a few bytes at a time, never finishing them, for up to `seconds`.

    Returns when the server closed the connection (seconds after it opened), or None if it never did.
    """
    reader, writer = await _open(live)
    opened = time.perf_counter()
    try:
        writer.write(first + b"GET /livez HTTP/1.1\r\nHost: test\r\n")
        while time.perf_counter() - opened < seconds:
            writer.write(b"X-Slow: 1\r\n")
            await writer.drain()
            with contextlib.suppress(TimeoutError):
                if await asyncio.wait_for(reader.read(1024), 0.2) == b"":
                    return time.perf_counter() - opened
        return None
    except ConnectionError:
        return time.perf_counter() - opened
    finally:
        writer.close()


async def test_trickled_headers_are_cut_off_and_normal_requests_answer(db: Database) -> None:
    async with server(db) as live, httpx.AsyncClient(base_url=live.base_url, timeout=5) as http:
        slow = [asyncio.create_task(_trickle(live, 10 * HEADER_TIMEOUT_S)) for _ in range(20)]
        await asyncio.sleep(0.3)
        started = time.perf_counter()
        assert (await http.get("/livez")).status_code == 200  # while 20 clients trickle their headers
        answer = await http.post("/graphql", json={"query": "{ __typename }"})
        assert answer.json()["data"] == {"__typename": "Query"}
        assert time.perf_counter() - started < 3
        closed = await asyncio.gather(*slow)
    # Every slow client was disconnected at the header deadline, not left open (uvicorn alone never does).
    assert all(after is not None and after < 5 * HEADER_TIMEOUT_S for after in closed), closed


async def test_a_kept_alive_connection_gets_the_same_deadline_for_its_next_request(db: Database) -> None:
    first = b"GET /livez HTTP/1.1\r\nHost: test\r\n\r\n"  # answered; then the next request trickles
    async with server(db, keep_alive_seconds=60) as live:
        closed = await _trickle(live, 10 * HEADER_TIMEOUT_S, first=first)
    assert closed is not None and closed < 5 * HEADER_TIMEOUT_S


async def _send_headers_until_refused(live: LiveServer, headers: int) -> tuple[int | None, bytes]:
    """Send 1 KiB headers one at a time; return after how many the server answered or hung up, and what
    it answered."""
    reader, writer = await _open(live)
    writer.write(b"GET /livez HTTP/1.1\r\nHost: test\r\n")
    try:
        for i in range(headers):
            writer.write(b"X-Big-%d: %s\r\n" % (i, b"x" * 1024))
            await writer.drain()
            with contextlib.suppress(TimeoutError):
                if answer := await asyncio.wait_for(reader.read(1024), 0.1):
                    return i + 1, answer
        return None, b""
    except ConnectionError:
        return i + 1, b""
    finally:
        writer.close()


async def test_oversized_headers_are_refused(db: Database) -> None:
    async with server(db, header_timeout_seconds=30) as live:
        refused_after, answer = await _send_headers_until_refused(live, 20)
    # Refused (400, or the connection closed while we still wrote) once the headers passed 16 KiB.
    assert refused_after is not None and refused_after >= 15
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400")


async def test_beyond_max_connections_requests_get_503_at_once_until_idle_ones_are_closed(
    db: Database,
) -> None:
    async with (
        server(db, max_connections=10) as live,
        httpx.AsyncClient(base_url=live.base_url, timeout=5) as http,
    ):
        idle = [await _open(live) for _ in range(10)]  # connected, silent
        await asyncio.sleep(0.2)
        started = time.perf_counter()
        assert (await http.get("/livez")).status_code == 503
        assert time.perf_counter() - started < 2
        await asyncio.sleep(2 * HEADER_TIMEOUT_S)  # the header deadline closes the silent connections
        assert (await http.get("/livez")).status_code == 200
        for _, writer in idle:
            writer.close()
