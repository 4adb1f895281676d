"""Live updates across processes: each process reads the change feed that writers record in Neo4j.

Why a feed in Neo4j and not a broker (docs/ARCHITECTURE.md "Live updates across workers"): a change is
recorded in the writer's own transaction (cypher/events/record_change.cypher), so it exists exactly when the
write committed, and reaches every worker and every replica even if the process that wrote it dies right
after the commit. It needs nothing besides the Neo4j the service already uses (Community, Enterprise, Aura or
a cluster), where a broker would be one more service to run, and a publish after commit could be lost.

A process reads the feed only while it has subscribers: the first one starts a poller, which asks for the
changes after the last one it handed on (one indexed query per poll, every `poll_s`, or at once when a write
of this process has committed and calls `wake()`), reads the key results they name (one query per run of
changes with the same cause) and hands the updates to the process's hub. The poller stops when the last
subscriber leaves; the next one starts from the feed's head.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from graph.core.db import Database
from graph.integrations.events import Subscriber, UpdateCause, UpdateFilter, UpdateHub, read_updates

log = logging.getLogger("aligngraph.events")

POLL_S = 0.1
BATCH = 500  # changes read per poll
RETRY_S = 1.0  # after a failed poll (Neo4j away): the subscribers stay, the poller tries again


class ChangeFeed:
    """This process's subscribers, fed from the change feed in Neo4j."""

    def __init__(
        self, hub: UpdateHub | None = None, *, db: Database | None = None, poll_s: float = POLL_S
    ) -> None:
        self.hub = hub or UpdateHub()
        self.db = db
        self.poll_s = poll_s
        self._after: int | None = None  # the last change handed on
        self._poller: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()
        self._woken = asyncio.Event()

    @property
    def subscribers(self) -> int:
        return self.hub.subscribers

    @asynccontextmanager
    async def subscribe(self, wanted: UpdateFilter) -> AsyncIterator[Subscriber]:
        """Register a subscriber for the `async with` block; it hears of every change that commits after
        the block starts (and maybe of some just before). It is removed however the block ends."""
        await self._start()
        with self.hub.subscribe(wanted) as subscriber:
            yield subscriber

    def wake(self) -> None:
        """A write of this process has committed: poll now rather than at the next tick."""
        self._woken.set()

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
            with suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None

    async def _start(self) -> None:
        async with self._starting:
            if self._poller is not None and not self._poller.done():
                return
            if self.db is None:
                raise RuntimeError("the change feed has no database")
            (row,) = await self.db.read("events/read_changes", after=0, limit=0)
            self._after = row["head"]
            self._poller = asyncio.create_task(self._poll(), name="change-feed")

    async def _poll(self) -> None:
        while True:
            with suppress(TimeoutError):
                async with asyncio.timeout(self.poll_s):
                    await self._woken.wait()
            self._woken.clear()
            if not self.hub.subscribers:
                return  # the next subscriber starts a new poller from the head
            try:
                while await self._read():
                    pass
            except Exception as exc:  # Neo4j away or slow: keep the subscribers, try again
                log.warning("could not read the change feed: %s", exc)
                await asyncio.sleep(RETRY_S)

    async def _read(self) -> bool:
        """Hand on the changes after the last one; True when there may be more."""
        assert self.db is not None and self._after is not None
        (row,) = await self.db.read("events/read_changes", after=self._after, limit=BATCH)
        head: int = row["head"]
        changes: list[dict[str, Any]] = row["changes"]
        if head < self._after:  # the feed was reset (its nodes deleted): what is there now is new
            self._after = 0
            return True
        if not changes:
            return False
        if lost := changes[0]["seq"] - self._after - 1:
            self.hub.lose(lost)
        for cause, ids in _runs(changes):
            self.hub.publish(await read_updates(self.db, ids, cause))
        self._after = changes[-1]["seq"]
        return len(changes) == BATCH


def _runs(changes: list[dict[str, Any]]) -> list[tuple[UpdateCause, list[str]]]:
    """Consecutive changes with the same cause, merged: one read per run, in order."""
    runs: list[tuple[UpdateCause, list[str]]] = []
    for change in changes:
        cause = UpdateCause(change["cause"])
        if runs and runs[-1][0] is cause:
            runs[-1][1].extend(change["keyResultIds"])
        else:
            runs.append((cause, list(change["keyResultIds"])))
    return runs
