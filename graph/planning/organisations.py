"""Organisations: the top of the graph, each with a name, a vision and the teams that belong to it."""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Organisation
from graph.core.paging import Page, by_id, to_page
from graph.planning import rules


async def get_organisations(db: Database, ids: list[str]) -> list[Organisation | None]:
    """Return the organisations with these ids, None where missing, in order."""
    rows = await db.read("organisations/get_organisations", ids=ids)
    return by_id(rows, ids, column="organisation", build=Organisation.from_row)


async def list_organisations(db: Database, *, after: str | None, first: int) -> Page[Organisation]:
    """Return one page of organisations ordered by id."""
    rows = await db.read("organisations/list_organisations", after=after, first=first)
    return to_page(rows, column="organisation", first=first, build=Organisation.from_row)


async def count_organisations(db: Database) -> int:
    """Return how many organisations there are."""
    rows = await db.read("organisations/count_organisations")
    return int(rows[0]["total"])


OBJECTIVE_LIMIT_MAX = 50


def check_objective_limit(value: int | None) -> int | None:
    """Accept the most objectives a team should own in one cycle: 1 to 50, or null for the default."""
    if value is not None and not 1 <= value <= OBJECTIVE_LIMIT_MAX:
        raise ValidationError(
            f"objectiveLimit must be between 1 and {OBJECTIVE_LIMIT_MAX}, got {value}",
            field="objectiveLimit",
            value=value,
        )
    return value


def _changes(changes: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "name":
            if value is None:
                raise ValidationError("name must not be null", field="name")
            checked["name"] = rules.name("name", value)
        elif field == "vision":
            checked["vision"] = rules.text("vision", value)
        elif field == "objectiveLimit":
            checked["objectiveLimit"] = check_objective_limit(value)
        else:
            raise ValidationError(f"an organisation has no changeable field {field!r}", field=field)
    return checked


async def create_organisation(
    db: Database, *, id: str | None, name: str, vision: str | None, objective_limit: int | None = None
) -> Organisation:
    """Create an organisation in one transaction."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "name": rules.name("name", name),
        "vision": rules.text("vision", vision),
        "objectiveLimit": check_objective_limit(objective_limit),
    }

    async def work(tx: Tx) -> Organisation:
        row = await tx.one("organisations/create_organisation", **params)
        assert row is not None
        return Organisation.from_row(row["organisation"])

    return await db.write(work)


async def update_organisation(db: Database, *, id: str, changes: dict[str, Any]) -> Organisation:
    """Change an organisation's name, vision and/or objectiveLimit."""
    checked = _changes(changes)

    async def work(tx: Tx) -> Organisation:
        row = await tx.one("organisations/update_organisation", id=id, changes=checked)
        if row is None:
            raise not_found("organisation", "id", id)
        return Organisation.from_row(row["organisation"])

    return await db.write(work)


DELETE_BATCH = 5000


async def delete_organisation(
    db: Database, *, id: str, confirm: str | None = None, batch: int = DELETE_BATCH
) -> str:
    """Delete an organisation that no team belongs to; with `confirm` repeating its id, delete it with all its
    units, cycles, priorities, initiatives, objectives, key results and their history, in batched
    transactions."""
    if confirm is not None and confirm != id:
        raise ValidationError(
            f"confirm {confirm!r} must repeat the organisation's id {id!r} to delete it with everything in it",
            field="confirm",
            value=confirm,
        )
    if confirm is not None:
        if (await get_organisations(db, [id]))[0] is None:
            raise not_found("organisation", "id", id)

        async def batch_work(tx: Tx) -> int:
            row = await tx.one("organisations/delete_organisation_batch", id=id, limit=batch)
            return int(row["deleted"]) if row else 0

        while await db.write(batch_work):
            pass

    async def work(tx: Tx) -> str:
        row = await tx.one("organisations/delete_organisation", id=id)
        if row is None:
            raise not_found("organisation", "id", id)
        if row["teams"]:
            raise ConflictError(
                f"organisation {id!r} still has {row['teams']} teams; give confirm: {id!r} to delete them too",
                field="id",
                value=id,
            )
        return id

    return await db.write(work)
