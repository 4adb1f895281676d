"""Keyset pagination over ids: the page and whether there is more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    has_next_page: bool


def to_page(
    rows: list[dict[str, Any]], *, column: str, first: int, build: Callable[[dict[str, Any]], T]
) -> Page[T]:
    """Build a page from first+1 rows of a list query."""
    items = [build(row[column]) for row in rows[:first]]
    return Page(items=items, has_next_page=len(rows) > first)


def cut(items: list[T], first: int | None) -> Page[T]:
    """Build a page from first+1 items (first=None: the query returned everything)."""
    if first is None:
        return Page(items=items, has_next_page=False)
    return Page(items=items[:first], has_next_page=len(items) > first)


def group(
    rows: list[dict[str, Any]], keys: list[str], *, column: str, build: Callable[[dict[str, Any]], T]
) -> list[list[T]]:
    """Group `key`/`column` rows into one list per key, in the order of `keys` (for DataLoaders)."""
    grouped: dict[str, list[T]] = {key: [] for key in keys}
    for row in rows:
        grouped[row["key"]].append(build(row[column]))
    return [grouped[key] for key in keys]


def groups(
    rows: list[dict[str, Any]], keys: list[str], *, build: Callable[[dict[str, Any]], T]
) -> list[list[T]]:
    """One list per key, in the order of `keys`, from the one row of a grouped query: `groups`, a list of
    {key, items} maps (a single row, as the driver's cost is per row, not per value)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        for g in row["groups"]:
            found.setdefault(g["key"], []).extend(g["items"])
    return [[build(m) for m in found.get(key, ())] for key in keys]


def by_id(
    rows: list[dict[str, Any]], keys: list[str], *, column: str, build: Callable[[dict[str, Any]], T]
) -> list[T | None]:
    """Return one item or None per key, in the order of `keys` (for DataLoaders)."""
    found = {row[column]["id"]: build(row[column]) for row in rows}
    return [found.get(key) for key in keys]
