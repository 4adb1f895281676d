"""Live key-result updates: the change a write records, this process's publish/subscribe hub, and the read
that builds each update.

A write that changes key results records which ones in its own transaction (`record_change`); a write that
fails or rolls back records nothing. Each process reads the recorded changes (graph/integrations/
change_feed.py) and hands them to its hub. The update is read back in one query, so it carries committed
state only (under concurrent writes to one key result it may already show a later commit's value).

Each subscriber has its own bounded queue. Publishing never waits: when a subscriber reads too slowly and its
queue is full, its OLDEST update is dropped and counted, and the next update it reads says how many it missed
(`missed`), so it can refetch. Memory stays bounded and no subscriber slows a writer down.

The hub lives in one process; the change feed in Neo4j is what every worker and replica shares.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Database, Tx

log = logging.getLogger("aligngraph.events")

QUEUE_SIZE = 256
# Recorded changes older than this are deleted by later writes: a reader that falls further behind counts
# what it lost as missed.
KEEP_CHANGES_MINUTES = 10


class UpdateCause(StrEnum):
    PUSH = "PUSH"  # pushKeyResultValues accepted at least one value for the key result
    EDIT = "EDIT"  # updateKeyResult changed it


@dataclass(frozen=True)
class KeyResultUpdate:
    """A key result's committed state after a change, and what changed it."""

    key_result_id: str
    objective_id: str
    team_id: str  # the team that owns the key result's objective
    unit_ids: frozenset[str]  # that team and every unit above it
    current: float | None
    progress: float | None
    last_observed_at: dt.datetime | None
    cause: UpdateCause
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], cause: UpdateCause) -> KeyResultUpdate:
        observed = row["lastObservedAt"]
        return cls(
            key_result_id=row["keyResultId"],
            objective_id=row["objectiveId"],
            team_id=row["teamId"],
            unit_ids=frozenset(row["unitIds"]),
            current=row["current"],
            progress=row["progress"],
            last_observed_at=observed.to_native() if observed is not None else None,
            organisation_id=row.get("organisationId"),
            cause=cause,
        )


@dataclass(frozen=True)
class UpdateFilter:
    """Which updates a subscriber wants; every filter given must match (none given: all updates)."""

    key_result_id: str | None = None
    objective_id: str | None = None
    # The owner team, or any unit above it: a business unit (or the company) covers the teams beneath it.
    team_id: str | None = None
    # The subscriber's token's organisation: it hears of no other organisation's key results (None: every one).
    organisation_id: str | None = None

    def matches(self, update: KeyResultUpdate) -> bool:
        return (
            (self.organisation_id is None or self.organisation_id == update.organisation_id)
            and (self.key_result_id is None or self.key_result_id == update.key_result_id)
            and (self.objective_id is None or self.objective_id == update.objective_id)
            and (self.team_id is None or self.team_id in update.unit_ids)
        )


class Subscriber:
    """One subscription's bounded queue: full, it drops its oldest update and counts it."""

    def __init__(self, wanted: UpdateFilter, size: int) -> None:
        self.wanted = wanted
        self._queue: asyncio.Queue[KeyResultUpdate] = asyncio.Queue(maxsize=size)
        self._missed = 0
        self.dropped = 0  # over the subscriber's life

    def offer(self, update: KeyResultUpdate) -> None:
        """Queue an update without waiting; drop the oldest one if the queue is full."""
        if self._queue.full():
            self._queue.get_nowait()
            self._missed += 1
            self.dropped += 1
        self._queue.put_nowait(update)

    def lose(self, count: int) -> None:
        """Count updates that never reached the queue (their changes expired before this process read them)."""
        self._missed += count
        self.dropped += count

    async def next(self) -> tuple[KeyResultUpdate, int]:
        """Wait for the next update; return it with how many were dropped since the last one read."""
        update = await self._queue.get()
        missed, self._missed = self._missed, 0
        return update, missed


class UpdateHub:
    """Fans key-result updates out to this process's subscribers."""

    def __init__(self, *, queue_size: int = QUEUE_SIZE) -> None:
        if queue_size < 1:
            raise ValueError("queue_size must be at least 1")
        self.queue_size = queue_size
        self._subscribers: set[Subscriber] = set()

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    @contextmanager
    def subscribe(self, wanted: UpdateFilter) -> Iterator[Subscriber]:
        """Register a subscriber for the `with` block; it is removed however the block ends."""
        subscriber = Subscriber(wanted, self.queue_size)
        self._subscribers.add(subscriber)
        try:
            yield subscriber
        finally:
            self._subscribers.discard(subscriber)

    def publish(self, updates: Iterable[KeyResultUpdate]) -> None:
        """Hand each update to every subscriber whose filter matches. Never waits."""
        for update in updates:
            for subscriber in list(self._subscribers):
                if subscriber.wanted.matches(update):
                    subscriber.offer(update)

    def lose(self, count: int) -> None:
        """Tell every subscriber that `count` changes were lost before this process could read them."""
        for subscriber in list(self._subscribers):
            subscriber.lose(count)


async def record_change(tx: Tx, key_result_ids: Iterable[str | None], cause: UpdateCause) -> None:
    """Record, in the writer's transaction, that these key results changed; nothing when there are none."""
    ids = sorted({kr for kr in key_result_ids if kr is not None})
    if ids:
        await tx.run(
            "events/record_change", keyResultIds=ids, cause=str(cause), keepMinutes=KEEP_CHANGES_MINUTES
        )


async def read_updates(db: Database, ids: Iterable[str], cause: UpdateCause) -> list[KeyResultUpdate]:
    """The committed state of these key results (one query), as updates; unknown ids are left out."""
    rows = await db.read("events/get_key_result_updates", ids=sorted(set(ids)))
    return [KeyResultUpdate.from_row(row, cause) for row in rows]
