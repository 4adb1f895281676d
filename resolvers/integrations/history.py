"""A key result's history: its measurements as a cursor connection, newest observed first."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import strawberry
from strawberry.dataloader import DataLoader

from graph.core.db import Database
from graph.core.paging import Page
from graph.integrations import history as graph_history
from resolvers.core.context import Info
from resolvers.core.node import Node
from resolvers.core.pagination import Connection, connection, decode_keyset_cursor, keyset_cursor


@strawberry.type(description="One value of a key result at a point in time, from a source.")
class Measurement(Node):
    id: strawberry.ID = strawberry.field(description="The measurement's id (a UUID).")
    value: float = strawberry.field(description="The value, in the key result's unit.")
    observed_at: dt.datetime = strawberry.field(description="When the value was true (the source's clock).")
    received_at: dt.datetime = strawberry.field(description="When the service stored it.")
    source: str = strawberry.field(
        description='Who measured it: as pushed, "check-in" for a check-in, "manual:<token name>" for an edit.'
    )
    idempotency_key: str | None = strawberry.field(description="The key it was pushed with; null when none.")

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


# What a page asks for: (from, to, first, after as (observedAt, id) or None); and a page of one KR's history.
Window = tuple[dt.datetime | None, dt.datetime | None, int, tuple[dt.datetime, str] | None]
PageKey = tuple[str, dt.datetime | None, dt.datetime | None, int, tuple[dt.datetime, str] | None]
# A count of one KR's history: (keyResultId, from, to).
CountKey = tuple[str, dt.datetime | None, dt.datetime | None]


class HistoryLoaders:
    """The history DataLoaders of one request: KRs asking for the same window share one query."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.pages: DataLoader[PageKey, Page[graph_history.Measurement]] = DataLoader(load_fn=self._pages)
        self.counts: DataLoader[CountKey, int] = DataLoader(load_fn=self._counts)
        self.on_day: DataLoader[tuple[str, dt.date], tuple[float | None, float | None]] = DataLoader(
            load_fn=lambda keys: graph_history.key_results_on(self.db, list(keys))
        )

    async def _pages(self, keys: list[PageKey]) -> list[Page[graph_history.Measurement]]:
        windows: dict[Window, list[str]] = defaultdict(list)
        for kr, since, until, first, after in keys:
            windows[(since, until, first, after)].append(kr)
        pages: dict[PageKey, Page[graph_history.Measurement]] = {}
        for (since, until, first, after), ids in windows.items():
            unique = list(dict.fromkeys(ids))
            found = await graph_history.histories(
                self.db, unique, since=since, until=until, after=after, first=first
            )
            pages.update(
                ((kr, since, until, first, after), page) for kr, page in zip(unique, found, strict=True)
            )
        return [pages[key] for key in keys]

    async def _counts(self, keys: list[CountKey]) -> list[int]:
        windows: dict[tuple[dt.datetime | None, dt.datetime | None], list[str]] = defaultdict(list)
        for kr, since, until in keys:
            windows[(since, until)].append(kr)
        totals: dict[CountKey, int] = {}
        for (since, until), ids in windows.items():
            unique = list(dict.fromkeys(ids))
            found = await graph_history.count_histories(self.db, unique, since=since, until=until)
            totals.update(((kr, since, until), total) for kr, total in zip(unique, found, strict=True))
        return [totals[key] for key in keys]


async def history_connection(
    loaders: HistoryLoaders,
    key_result_id: str,
    *,
    since: dt.datetime | None,
    until: dt.datetime | None,
    first: int,
    after: str | None,
) -> Connection[Measurement]:
    """One page of a KR's history; the request's other KRs asking for the same window share its query."""
    graph_history.check_window(since, until)
    cursor = decode_keyset_cursor(after, of="a key result's history")
    page = await loaders.pages.load((key_result_id, since, until, first, cursor))

    async def count() -> int:
        return await loaders.counts.load((key_result_id, since, until))

    return connection(page, Measurement.of, count, cursor=lambda m: keyset_cursor(m.observed_at, m.id))


def history_loaders(info: Info) -> HistoryLoaders:
    """This request's history DataLoaders."""
    return info.context.loaders_for(HistoryLoaders)
