"""A key result's history: its measurements as a cursor connection, newest observed first."""

from __future__ import annotations

import datetime as dt

import strawberry

from graph import history as graph_history
from graph.db import Database
from graph.errors import ValidationError
from resolvers.pagination import Connection, Edge, PageInfo, decode_cursor, encode_cursor


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


def _cursor(m: graph_history.Measurement) -> str:
    return encode_cursor(f"{m.observed_at.isoformat()}|{m.id}")


def _after(cursor: str | None) -> tuple[dt.datetime, str] | None:
    raw = decode_cursor(cursor)
    if raw is None:
        return None
    observed, _, id = raw.partition("|")
    try:
        return dt.datetime.fromisoformat(observed), id
    except ValueError:
        raise ValidationError(
            f"after {cursor!r} is not a cursor of a key result's history", field="after", value=cursor
        ) from None


async def history_connection(
    db: Database,
    key_result_id: str,
    *,
    since: dt.datetime | None,
    until: dt.datetime | None,
    first: int,
    after: str | None,
) -> Connection[Measurement]:
    items, more = await graph_history.history(
        db, key_result_id, since=since, until=until, after=_after(after), first=first
    )
    edges = [Edge(cursor=_cursor(m), node=Measurement.of(m)) for m in items]

    async def count() -> int:
        return await graph_history.count_history(db, key_result_id, since=since, until=until)

    end = edges[-1].cursor if edges else None
    return Connection(edges=edges, page_info=PageInfo(has_next_page=more, end_cursor=end), count=count)
