"""Limits at the HTTP edge, before any route, token lookup or GraphQL parsing runs.

`BodyLimit` (ASGI middleware) reads the whole request body before the app sees the request: a declared
`Content-Length` above the limit is answered 413 at once, without reading a byte; a chunked body is counted
as it arrives and cut off with 413 as soon as it passes the limit; a body that is not complete within the
body timeout gets 408. Either way the connection is closed, so nothing is left half-read.

`guarded_h11` is uvicorn's h11 protocol with a deadline for a request's headers: uvicorn itself never
closes a connection that trickles its headers (slow-loris), it only times out idle keep-alive connections.
`server_config` is how `aligngraph serve` (and the tests' live server) configure uvicorn.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

# Header bytes a request may send (h11 answers 400 beyond): far above any browser's or client's headers.
MAX_HEADER_BYTES = 16 * 1024


class _Refused(Exception):
    def __init__(self, status: int, message: str, value: int | float) -> None:
        super().__init__(message)
        self.status, self.message, self.value = status, message, value


async def _refuse(send: Send, refused: _Refused) -> None:
    """Answer in the GraphQL error shape and close the connection (the rest of the body is not read)."""
    error = {
        "message": refused.message,
        "extensions": {"code": "BAD_REQUEST", "field": "body", "value": refused.value},
    }
    body = json.dumps({"data": None, "errors": [error]}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": refused.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over `max_bytes` (413) or slower than `timeout_s` in all (408)."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            self._check_declared(scope)
            async with asyncio.timeout(self.timeout_s):
                body = await self._read(receive)
        except _Refused as refused:
            await _refuse(send, refused)
            return
        except TimeoutError:
            await _refuse(
                send,
                _Refused(408, f"The request body did not arrive within {self.timeout_s:g} s", self.timeout_s),
            )
            return
        if body is None:
            return  # the client went away before sending its body
        await self.app(scope, _replay(body, receive), send)

    def _too_large(self) -> _Refused:
        return _Refused(
            413,
            f"The request body is larger than {self.max_bytes:,} bytes (AG_MAX_BODY_BYTES); "
            "a push takes at most 10,000 values",
            self.max_bytes,
        )

    def _check_declared(self, scope: Scope) -> None:
        for name, value in scope["headers"]:
            if name == b"content-length" and value.strip().isdigit() and int(value) > self.max_bytes:
                raise self._too_large()

    async def _read(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the app the body read already, then waits for the client's disconnect."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request headers take longer than
    `header_timeout_s`. A module-level class, so that uvicorn can hand it to worker processes."""

    header_timeout_s: float = 10.0
    header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.header_deadline is not None:
            self.header_deadline.cancel()  # the headers are in; BodyLimit times the body
            self.header_deadline = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # a kept-alive connection's next request gets the same deadline

    def connection_lost(self, exc: Exception | None) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
        self.header_deadline = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _headers_too_slow(self) -> None:
        self.header_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.logger.info(
                "Closed a connection whose request headers took over %s s", self.header_timeout_s
            )
            self.transport.close()


def guarded_h11(header_timeout_s: float) -> type[H11Protocol]:
    """GuardedH11Protocol with this header timeout (for a server in this process)."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,), {"header_timeout_s": header_timeout_s})


def server_config(
    app: Any,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    header_timeout_s: float = 10.0,
    keep_alive_s: int = 5,
    max_connections: int | None = 1000,
    protocol: type[H11Protocol] | None = None,
    **options: Any,
) -> uvicorn.Config:
    """uvicorn as `aligngraph serve` runs it: h11 (its header size limit), a header deadline, a short
    keep-alive and a cap on open connections and tasks (503 beyond, instead of running out of memory).
    `protocol`: GuardedH11Protocol itself for worker processes (a class they can import by name), which then
    set its header timeout; by default a subclass with `header_timeout_s`, for a server in this process."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol or guarded_h11(header_timeout_s),
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_keep_alive=keep_alive_s,
        limit_concurrency=max_connections,
        **options,
    )
