"""A request's time limit against Neo4j, moved as its work gets going (graph/core/db.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Protocol


class HasTimeouts(Protocol):
    timeout_s: float | None
    unavailable_s: float


class Deadline:
    """Moves a request's time limit as its transaction starts working, or fails and gets retried."""

    def __init__(self, timeout: asyncio.Timeout, db: HasTimeouts) -> None:
        self._timeout = timeout
        self._db = db

    @asynccontextmanager
    async def working(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        # Neo4j itself stops the transaction after timeout_s; the guard only catches a server that hangs.
        self._timeout.reschedule(loop.time() + (self._db.timeout_s or 3600.0) + self._db.unavailable_s)
        try:
            yield
        except Exception:
            # A failure the driver retries (the server went away, or answers that it cannot work yet): it
            # retries for at most unavailable_s more, and a retry that gets going moves the limit again.
            when = self._timeout.when()
            limit = loop.time() + self._db.unavailable_s + 1.0
            self._timeout.reschedule(limit if when is None else min(when, limit))
            raise
