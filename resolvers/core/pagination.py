"""Cursor connections (first/after, totalCount, pageInfo) shared by every list."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar

import strawberry

from graph.core.errors import ValidationError
from graph.core.paging import Page

N = TypeVar("N")


class HasId(Protocol):
    @property
    def id(self) -> str: ...


M = TypeVar("M", bound=HasId)
_PREFIX = "id:"


def encode_cursor(id: str) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{id}".encode()).decode()


def decode_cursor(cursor: str | None) -> str | None:
    """Return the id inside an `after` cursor, rejecting cursors this API did not make."""
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    if not raw.startswith(_PREFIX):
        raise ValidationError(f"after {cursor!r} is not a cursor from this API", field="after", value=cursor)
    return raw[len(_PREFIX) :]


def keyset_cursor(at: dt.datetime, id: str) -> str:
    """The cursor of an item in a list ordered by a time, then id (check-ins, a key result's history)."""
    return encode_cursor(f"{at.isoformat()}|{id}")


def decode_keyset_cursor(cursor: str | None, *, of: str) -> tuple[dt.datetime, str] | None:
    """Return the (time, id) inside an `after` cursor made by keyset_cursor; `of` names the list in errors."""
    raw = decode_cursor(cursor)
    if raw is None:
        return None
    at, _, id = raw.partition("|")
    try:
        return dt.datetime.fromisoformat(at), id
    except ValueError:
        raise ValidationError(
            f"after {cursor!r} is not a cursor of {of}", field="after", value=cursor
        ) from None


def check_first(first: int, max_page_size: int) -> int:
    if not 1 <= first <= max_page_size:
        raise ValidationError(
            f"first must be between 1 and {max_page_size}, got {first}", field="first", value=first
        )
    return first


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[N]):
    cursor: str
    node: N


@strawberry.type(description="One page of a list, in id order.")
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, over all pages (costs one more query).")
    async def total_count(self) -> int:
        return await self.count()

    @strawberry.field(description="The nodes of this page, without cursors.")
    def nodes(self) -> list[N]:
        return [edge.node for edge in self.edges]


def _id_cursor(item: HasId) -> str:
    return encode_cursor(item.id)


def connection(
    page: Page[M],
    build: Callable[[M], N],
    count: Callable[[], Awaitable[int]],
    *,
    cursor: Callable[[M], str] = _id_cursor,
) -> Connection[N]:
    """Build a connection from a page of models; cursors hold their ids unless `cursor` makes them."""
    edges = [Edge(cursor=cursor(item), node=build(item)) for item in page.items]
    end = edges[-1].cursor if edges else None
    return Connection(
        edges=edges, page_info=PageInfo(has_next_page=page.has_next_page, end_cursor=end), count=count
    )
