"""A key result's history: its measurements as a cursor connection, newest observed first."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph import history as graph_history
from graph.db import Database
from resolvers.pagination import Connection, connection, decode_keyset_cursor, keyset_cursor


@strawberry.type(description="One value of a key result at a point in time, from a source.")
class Measurement:
    id: strawberry.ID
    value: float
    observed_at: dt.datetime = strawberry.field(description="When the value was true (the source's clock).")
    received_at: dt.datetime = strawberry.field(description="When the service stored it.")
    source: str
    idempotency_key: str | None

    @classmethod
    def of(cls, m: graph_history.Measurement) -> Measurement:
        return cls(
            id=strawberry.ID(m.id),
            value=m.value,
            observed_at=m.observed_at,
            received_at=m.received_at,
            source=m.source,
            idempotency_key=m.idempotency_key,
        )


async def history_connection(
    db: Database,
    key_result_id: str,
    *,
    since: dt.datetime | None,
    until: dt.datetime | None,
    first: int,
    after: str | None,
) -> Connection[Measurement]:
    cursor = decode_keyset_cursor(after, of="a key result's history")
    page = await graph_history.history(db, key_result_id, since=since, until=until, after=cursor, first=first)

    async def count() -> int:
        return await graph_history.count_history(db, key_result_id, since=since, until=until)

    return connection(page, Measurement.of, count, cursor=lambda m: keyset_cursor(m.observed_at, m.id))
