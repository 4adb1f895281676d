"""One async Neo4j driver per process, and helpers that run named queries."""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    Query,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import ConstraintError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.core.cypher import NamedQuery, query
from graph.core.errors import ConflictError, UnavailableError

T = TypeVar("T")
Row = dict[str, Any]


class Database:
    """Runs named Cypher queries: reads through execute_query, writes in one transaction each."""

    def __init__(
        self, driver: AsyncDriver, *, database: str | None = None, timeout_s: float | None = None
    ) -> None:
        self.driver = driver
        self.database = database
        # Every read and write transaction is stopped by Neo4j after this long (None: the server's default).
        self.timeout_s = timeout_s
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
    ) -> Database:
        """Open the process-wide driver (no I/O until first use)."""
        # Server notifications (e.g. "property key does not exist" on sparse data) would flood the logs.
        driver = AsyncGraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
        return cls(driver, database=database, timeout_s=timeout_s)

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
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
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
        """Run a named read query and return its rows as dicts."""
        self._root.query_count += 1
        try:
            result = await self.driver.execute_query(
                Query(query(name), timeout=self.timeout_s),
                parameters_=self.params(params),
                routing_=RoutingControl.READ,
                database_=self.database,
            )
        except Neo4jError as exc:
            raise self._timed_out(exc) or exc from exc
        # Named queries return plain values and maps (tests/cypher/test_cypher_files.py checks), so zipping is enough;
        # record.data() would walk every value looking for nodes, about 7x slower on large results.
        return [dict(zip(result.keys, record.values(), strict=True)) for record in result.records]

    async def example_params(self, named: NamedQuery) -> Row:
        """Evaluate a file's documented `:param` literals in Neo4j itself, as Browser would.

        The only Cypher built from text: the literals come from the repository's own .cypher headers, never
        from a user, and evaluating them proves they paste into Neo4j Browser as written.
        """
        if not named.example_params:
            return {}
        columns = ", ".join(f"{literal} AS `{key}`" for key, literal in named.example_params.items())
        result = await self.driver.execute_query(
            f"RETURN {columns}", routing_=RoutingControl.READ, database_=self.database
        )
        return result.records[0].data()

    async def write(self, work: Callable[[Tx], Awaitable[T]]) -> T:
        """Run `work` in one write transaction; it may be retried, so it must be idempotent."""

        @unit_of_work(timeout=self.timeout_s)
        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self))

        try:
            # The bookmark manager execute_query uses: on a cluster, a read after this write (the live update
            # built after a push commits, the client's next query) never sees the state from before it.
            bookmarks = self.driver.execute_query_bookmark_manager
            async with self.driver.session(database=self.database, bookmark_manager=bookmarks) as session:
                return await session.execute_write(unit)
        except ConstraintError as exc:
            # A unique id (or key) taken by a concurrent or earlier write: report it, never duplicate.
            match = re.search(r"property `(\w+)`", exc.message or "")
            field = match.group(1) if match else "id"
            raise ConflictError(f"{field} already exists: {exc.message}", field=field) from exc
        except Neo4jError as exc:
            raise self._timed_out(exc) or exc from exc

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

    def __init__(self, tx: AsyncManagedTransaction, db: Database) -> None:
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

    async def one(self, name: str, /, **params: Any) -> Row | None:
        """Run a named query and return its first row, or None."""
        rows = await self.run(name, **params)
        return rows[0] if rows else None
