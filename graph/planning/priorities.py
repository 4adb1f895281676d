"""Priorities: what the organisation most wants from one year, served by strategic objectives."""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ValidationError, not_found
from graph.core.models import Cycle, CycleKind, Priority
from graph.core.paging import Page, by_id, to_page
from graph.planning import boundary, rules
from graph.planning.writes import delete_by_id, update_by_id


async def get_priorities(db: Database, ids: list[str]) -> list[Priority | None]:
    """Return the priorities with these ids, None where missing, in order."""
    rows = await db.read("priorities/get_priorities", ids=ids)
    return by_id(rows, ids, column="priority", build=Priority.from_row)


async def list_priorities(
    db: Database, *, cycle_id: str | None, after: str | None, first: int
) -> Page[Priority]:
    """Return one page of priorities ordered by id, optionally of one cycle."""
    rows = await db.read("priorities/list_priorities", cycleId=cycle_id, after=after, first=first)
    return to_page(rows, column="priority", first=first, build=Priority.from_row)


async def count_priorities(db: Database, *, cycle_id: str | None) -> int:
    """Return how many priorities there are, optionally in one cycle."""
    rows = await db.read("priorities/count_priorities", cycleId=cycle_id)
    return int(rows[0]["total"])


def _changes(changes: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "title":
            if value is None:
                raise ValidationError("title must not be null", field="title")
            checked["title"] = rules.name("title", value)
        elif field == "description":
            checked["description"] = rules.text("description", value)
        else:
            raise ValidationError(f"a priority has no changeable field {field!r}", field=field)
    return checked


async def create_priority(
    db: Database,
    *,
    id: str | None,
    title: str,
    description: str | None,
    cycle_id: str,
    organisation_id: str | None = None,
) -> Priority:
    """Create a priority in a yearly cycle, in one transaction; it belongs to the cycle's organisation (an
    organisationId given must be that one)."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "title": rules.name("title", title),
        "description": rules.text("description", description),
        "cycleId": cycle_id,
    }

    async def work(tx: Tx) -> Priority:
        found = await tx.one("cycles/get_cycles", ids=[cycle_id])
        if found is None:
            raise not_found("cycle", "cycleId", cycle_id)
        cycle = Cycle.from_row(found["cycle"])
        if cycle.kind is not CycleKind.YEAR:
            raise ValidationError(
                f"a priority belongs to a YEAR cycle, but {cycle_id!r} is a {cycle.kind.value}",
                field="cycleId",
                value=cycle_id,
            )
        if organisation_id is not None:
            await boundary.organisation_for_new(tx, organisation_id)
            boundary.same_organisation(
                ("organisationId", organisation_id, organisation_id),
                ("cycleId", cycle_id, cycle.organisation_id),
            )
        row = await tx.one("priorities/create_priority", **params)
        assert row is not None
        return Priority.from_row(row["priority"])

    return await db.write(work)


async def update_priority(db: Database, *, id: str, changes: dict[str, Any]) -> Priority:
    """Change a priority's title and/or description."""
    checked = _changes(changes)

    return await update_by_id(
        db,
        "priorities/update_priority",
        id=id,
        changes=checked,
        kind="priority",
        column="priority",
        build=Priority.from_row,
    )


async def delete_priority(db: Database, *, id: str) -> str:
    """Delete a priority and the SUPPORTS edges that point at it."""
    return await delete_by_id(
        db, "priorities/delete_priority", id=id, kind="priority", realign="alignment_state/supporters_of"
    )
