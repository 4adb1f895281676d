"""Cursor connections (first/after, totalCount, pageInfo) shared by every list."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Annotated, Generic, Protocol, TypeVar

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


# The paging arguments of every connection field.
First = Annotated[
    int,
    strawberry.argument(
        description="How many items to return: 1 to the page size limit (AG_MAX_PAGE_SIZE, 100)."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Start after this cursor (the previous page's endCursor); null: from the start."
    ),
]


@strawberry.type(description="Where a page ends, and whether another follows.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow this page.")
    end_cursor: str | None = strawberry.field(
        description="The last item's cursor: pass it as `after` for the next page; null for an empty page."
    )


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[N]):
    cursor: str = strawberry.field(description="Pass it as `after` to get the items that follow this one.")
    node: N = strawberry.field(description="The item.")


@strawberry.type(description="One page of a list, in id order unless its field says otherwise.")
class Connection(Generic[N]):
    edges: list[Edge[N]] = strawberry.field(description="The items of this page, each with its cursor.")
    page_info: PageInfo = strawberry.field(
        description="Whether more items follow, and the cursor to get them."
    )
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
