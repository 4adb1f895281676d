"""One async Neo4j driver per process, and helpers that run named queries."""

from __future__ import annotations

import asyncio
import copy
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol, TypeVar

from neo4j import (
    READ_ACCESS,
    WRITE_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    AsyncTransaction,
    Query,
    unit_of_work,
)
from neo4j.exceptions import (
    ConnectionPoolError,
    ConstraintError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.core.cypher import query
from graph.core.deadline import Deadline
from graph.core.errors import ConflictError, UnavailableError
from graph.core.keys import conflict_of

T = TypeVar("T")
Row = dict[str, Any]
# How long a request waits for an unreachable Neo4j before it answers UNAVAILABLE (AG_DB_UNAVAILABLE_TIMEOUT_SECONDS).
UNAVAILABLE_S = 5.0
# The driver's errors that mean: Neo4j cannot be reached (or went away mid-request), try again later.
OUTAGE = (ServiceUnavailable, SessionExpired, ConnectionPoolError, OSError)


class Reader(Protocol):
    """Runs named read queries: a Database (each in its own transaction) or a Tx (inside it)."""

    async def read(self, name: str, /, **params: Any) -> list[Row]: ...


class Database:
    """Runs named Cypher queries: reads as auto-commit queries, writes in one transaction each."""

    def __init__(
        self,
        driver: AsyncDriver,
        *,
        database: str | None = None,
        timeout_s: float | None = None,
        unavailable_s: float = UNAVAILABLE_S,
    ) -> None:
        self.driver = driver
        self.database = database
        # Every read and write transaction is stopped by Neo4j after this long (None: the server's default).
        self.timeout_s = timeout_s
        # A request that cannot get going with Neo4j for this long (connecting, retrying) answers UNAVAILABLE.
        self.unavailable_s = unavailable_s
        # Counts every query sent, so tests can prove a request has no N+1 (scoped views count here too).
        self.query_count = 0
        self._root = self
        # The organisation this view answers for, sent to every query as $org (None: every organisation).
        self.organisation_id: str | None = None

    def scoped(self, organisation_id: str | None) -> Database:
        """This database as one organisation's token sees it: every named query gets `$org` = that id, and
        the queries that start from ids or labels leave other organisations' nodes out (None: all of them)."""
        if organisation_id == self.organisation_id:
            return self
        view = copy.copy(self)
        view.organisation_id = organisation_id
        return view

    def params(self, params: dict[str, Any]) -> dict[str, Any]:
        """The parameters of a named query, with this view's `$org` (a caller's own `org` never overrides it)."""
        return {**params, "org": self.organisation_id}

    @classmethod
    def connect(
        cls,
        uri: str,
        *,
        user: str,
        password: str,
        database: str | None = None,
        timeout_s: float | None = None,
        unavailable_s: float = UNAVAILABLE_S,
    ) -> Database:
        """Open the process-wide driver (no I/O until first use).

        The driver gives up on an unreachable server within `unavailable_s`: connecting, waiting for a pooled
        connection and retrying a transaction (by default it would try for 30 s, then 60 s for a connection).
        """
        driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            # Server notifications (e.g. "property key does not exist" on sparse data) would flood the logs.
            notifications_min_severity="OFF",
            connection_timeout=unavailable_s,
            connection_acquisition_timeout=unavailable_s,
            max_transaction_retry_time=unavailable_s,
        )
        return cls(driver, database=database, timeout_s=timeout_s, unavailable_s=unavailable_s)

    def _unavailable(self, exc: BaseException) -> UnavailableError:
        """The error to show when Neo4j could not be reached, went away, or stayed busy within unavailable_s."""
        if isinstance(exc, IncompleteCommit):
            return UnavailableError(
                "The database went away while committing: the change may or may not have been written. "
                "Resending it is safe where it carries an idempotency key (pushes, check-ins).",
                field="database",
            )
        reason = "stayed busy" if isinstance(exc, TransientError) else "is not reachable"
        return UnavailableError(
            f"The database {reason} for {self.unavailable_s:g} s (AG_DB_UNAVAILABLE_TIMEOUT_SECONDS); "
            f"try again in a moment (Retry-After: {self.retry_after_s} s).",
            field="database",
        )

    @property
    def retry_after_s(self) -> int:
        """The Retry-After a caller gets with UNAVAILABLE: wait about as long as we waited."""
        return max(1, math.ceil(self.unavailable_s))

    @asynccontextmanager
    async def _guard(self) -> AsyncIterator[Deadline]:
        """Bound a request's time with Neo4j: unavailable_s to get going (the driver's own timeouts should
        fire first; this catches a server that accepts connections but never answers), then the query
        timeout once its work runs, and unavailable_s again from a failure on the way."""
        try:
            async with asyncio.timeout(self.unavailable_s + 1.0) as timeout:
                yield Deadline(timeout, self)
        except TimeoutError as exc:
            raise self._unavailable(exc) from exc
        except OUTAGE as exc:
            raise self._unavailable(exc) from exc
        except TransientError as exc:
            # Retried by the driver for unavailable_s (a deadlock, a leader switch): still no luck.
            raise self._timed_out(exc) or self._unavailable(exc) from exc

    def _timed_out(self, exc: Neo4jError) -> UnavailableError | None:
        """The error to show when Neo4j stopped a transaction: past timeout_s, or terminated by an operator."""
        stopped = ("TransactionTimedOut", "LockClientStopped", "Terminated")
        if not any(part in (exc.code or "") for part in stopped):
            return None
        return UnavailableError(
            f"The database stopped the request after {self.timeout_s} s (AG_QUERY_TIMEOUT_SECONDS) or an operator "
            "terminated it; nothing was written. Try again, or ask for less.",
            field="timeout",
            value=self.timeout_s,
        )

    async def verify(self) -> None:
        """Raise UnavailableError unless the server answers."""
        try:
            await self.driver.verify_connectivity()
        except OUTAGE as exc:
            raise UnavailableError(f"Neo4j is not reachable: {exc}") from exc

    async def wait_until_ready(self, *, timeout_s: float = 60.0) -> None:
        """Poll verify() until the server answers (a container may still be starting)."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while True:
            try:
                await self.verify()
                return
            except UnavailableError:
                if asyncio.get_running_loop().time() > deadline:
                    raise
                await asyncio.sleep(1.0)

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, name: str, /, **params: Any) -> list[Row]:
        """Run a named read query and return its rows as dicts.

        Auto-commit: RUN and PULL go in one round trip, where a managed transaction adds BEGIN and COMMIT
        (a fifth of a small request's CPU, docs/BENCHMARKS.md "The request path"). A read is safe to run
        again, so what the driver retries in a transaction (the server went away, a leader switch, "try
        again") is retried here the same way, for at most unavailable_s."""
        self._root.query_count += 1
        statement = Query(query(name), timeout=self.timeout_s)
        arguments = self.params(params)
        loop = asyncio.get_running_loop()
        give_up, pause = loop.time() + self.unavailable_s, 0.05
        try:
            async with self._guard() as deadline:
                while True:
                    try:
                        return await self._read_once(statement, arguments, deadline)
                    except (Neo4jError, DriverError) as exc:
                        if not exc.is_retryable() or loop.time() + pause > give_up:
                            raise
                    await asyncio.sleep(pause)
                    pause = min(2 * pause, 1.0)
        except Neo4jError as exc:
            raise self._timed_out(exc) or exc from exc

    async def _read_once(self, statement: Query, arguments: dict[str, Any], deadline: Deadline) -> list[Row]:
        session = self._session(READ_ACCESS)
        async with session, deadline.working():
            result = await session.run(statement, arguments)
            keys = result.keys()
            # Named queries return plain values and maps (tests/cypher/test_cypher_files.py checks), so
            # zipping is enough; record.data() would walk every value looking for nodes, about 7x slower.
            return [dict(zip(keys, record.values(), strict=True)) async for record in result]

    def _session(self, mode: str = WRITE_ACCESS) -> AsyncSession:
        # The bookmark manager execute_query uses: on a cluster, a read after a write (the live update built
        # after a push commits, the client's next query) never sees the state from before it.
        bookmarks = self.driver.execute_query_bookmark_manager
        return self.driver.session(
            database=self.database, bookmark_manager=bookmarks, default_access_mode=mode
        )

    async def write(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Run `work` in one write transaction; it may be retried, so it must be idempotent."""

        @unit_of_work(timeout=self.timeout_s)
        async def unit(tx: AsyncManagedTransaction, deadline: Deadline) -> T:
            async with deadline.working():
                return await work(Tx(tx, self))

        try:
            async with self._guard() as deadline, self._session() as session:
                done: T = await session.execute_write(unit, deadline)
                return done
        except ConstraintError as exc:
            # A unique id (or key) taken by a concurrent or earlier write: report it, never duplicate.
            raise await conflict_of(self._root, exc) from exc
        except Neo4jError as exc:
            raise self._timed_out(exc) or exc from exc

    async def rehearse(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Run `work` in one write transaction that is always rolled back: what-if questions, never kept."""
        async with self.driver.session(database=self.database) as session:
            tx = await session.begin_transaction(timeout=self.timeout_s)
            try:
                return await work(Tx(tx, self))
            except Neo4jError as exc:
                raise self._timed_out(exc) or exc from exc
            finally:
                await tx.rollback()

    async def write_once(self, work: Callable[[Tx], Awaitable[T]], *, key: str | None) -> T:
        """write(work) for work that first returns what an earlier call with idempotency key `key` stored.

        When a concurrent call with the same key commits first, the unique key refuses this one (CONFLICT on
        idempotencyKey); one rerun then finds that call's result and returns it.
        """
        try:
            return await self.write(work)
        except ConflictError as error:
            if error.field != "idempotencyKey" or key is None:
                raise
            return await self.write(work)


class Tx:
    """A write transaction that runs named queries."""

    def __init__(self, tx: AsyncManagedTransaction | AsyncTransaction, db: Database) -> None:
        self._tx = tx
        self._db = db

    @property
    def organisation_id(self) -> str | None:
        """The organisation the transaction's caller is limited to (None: every organisation)."""
        return self._db.organisation_id

    async def run(self, name: str, /, **params: Any) -> list[Row]:
        """Run a named query inside the transaction and return its rows."""
        self._db._root.query_count += 1
        result = await self._tx.run(query(name), self._db.params(params))
        keys = result.keys()
        # Named queries return plain values (tests/cypher/test_cypher_files.py checks), so zipping is enough, as in read().
        return [dict(zip(keys, record.values(), strict=True)) async for record in result]

    async def read(self, name: str, /, **params: Any) -> list[Row]:
        """run(), so that a transaction is a Reader: reads inside it see its own writes."""
        return await self.run(name, **params)

    async def one(self, name: str, /, **params: Any) -> Row | None:
        """Run a named query and return its first row, or None."""
        rows = await self.run(name, **params)
        return rows[0] if rows else None
