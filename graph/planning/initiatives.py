"""Initiatives: backlog work, tracked elsewhere, that advances key results."""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ValidationError
from graph.core.models import Initiative, InitiativeStatus
from graph.core.paging import Page, by_id, to_page
from graph.planning import boundary, rules
from graph.planning.writes import delete_by_id, update_by_id


async def get_initiatives(db: Database, ids: list[str]) -> list[Initiative | None]:
    """Return the initiatives with these ids, None where missing, in order."""
    rows = await db.read("initiatives/get_initiatives", ids=ids)
    return by_id(rows, ids, column="initiative", build=Initiative.from_row)


async def list_initiatives(db: Database, *, after: str | None, first: int) -> Page[Initiative]:
    """Return one page of initiatives ordered by id."""
    rows = await db.read("initiatives/list_initiatives", after=after, first=first)
    return to_page(rows, column="initiative", first=first, build=Initiative.from_row)


async def count_initiatives(db: Database) -> int:
    """Return how many initiatives there are."""
    rows = await db.read("initiatives/count_initiatives")
    return int(rows[0]["total"])


def _url(value: str | None) -> str | None:
    url = rules.text("url", value, rules.URL_MAX)
    if url is not None and not url.lower().startswith(("http://", "https://")):
        raise ValidationError(
            f"url {url[:50]!r} must start with http:// or https://", field="url", value=url[:50]
        )
    return url


def _status(value: Any) -> str:
    try:
        return InitiativeStatus(value).value
    except ValueError:
        raise ValidationError(
            f"status {value!r} is not an initiative status", field="status", value=value
        ) from None


def _changes(changes: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "title":
            if value is None:
                raise ValidationError("title must not be null", field="title")
            checked["title"] = rules.name("title", value)
        elif field == "url":
            checked["url"] = _url(value)
        elif field == "status":
            checked["status"] = _status(value)
        else:
            raise ValidationError(f"an initiative has no changeable field {field!r}", field=field)
    return checked


async def create_initiative(
    db: Database,
    *,
    id: str | None,
    title: str,
    url: str | None,
    status: InitiativeStatus,
    organisation_id: str | None = None,
) -> Initiative:
    """Create an initiative in one transaction, in the organisation given, else the caller's or the only one."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "title": rules.name("title", title),
        "url": _url(url),
        "status": _status(status),
    }

    async def work(tx: Tx) -> Initiative:
        organisation = await boundary.organisation_for_new(tx, organisation_id)
        row = await tx.one("initiatives/create_initiative", **params, organisationId=organisation)
        assert row is not None
        return Initiative.from_row(row["initiative"])

    return await db.write(work)


async def update_initiative(db: Database, *, id: str, changes: dict[str, Any]) -> Initiative:
    """Change an initiative's title, url and/or status."""
    checked = _changes(changes)

    return await update_by_id(
        db,
        "initiatives/update_initiative",
        id=id,
        changes=checked,
        kind="initiative",
        column="initiative",
        build=Initiative.from_row,
    )


async def delete_initiative(db: Database, *, id: str) -> str:
    """Delete an initiative and its ADVANCES edges."""
    return await delete_by_id(db, "initiatives/delete_initiative", id=id, kind="initiative")
