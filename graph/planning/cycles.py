"""Cycles: the time boxes (years, and quarters within a year) that priorities and objectives sit in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Cycle, CycleKind
from graph.core.paging import Page, by_id, group, to_page
from graph.planning import alignment_state, boundary, coverage_state, frozen, rules


async def get_cycles(db: Database, ids: list[str]) -> list[Cycle | None]:
    """Return the cycles with these ids, None where missing, in order."""
    rows = await db.read("cycles/get_cycles", ids=ids)
    return by_id(rows, ids, column="cycle", build=Cycle.from_row)


async def sub_cycles_of(db: Database, ids: list[str]) -> list[list[Cycle]]:
    """Return each cycle's direct sub-cycles ordered by start date, in order of `ids`."""
    rows = await db.read("cycles/sub_cycles_of", ids=ids)
    return group(rows, ids, column="cycle", build=Cycle.from_row)


async def list_cycles(db: Database, *, parent_id: str | None, after: str | None, first: int) -> Page[Cycle]:
    """Return one page of cycles ordered by id, optionally only those within one cycle."""
    rows = await db.read("cycles/list_cycles", parentId=parent_id, after=after, first=first)
    return to_page(rows, column="cycle", first=first, build=Cycle.from_row)


async def count_cycles(db: Database, *, parent_id: str | None) -> int:
    """Return how many cycles there are, optionally only those within one cycle."""
    rows = await db.read("cycles/count_cycles", parentId=parent_id)
    return int(rows[0]["total"])


async def _load(tx: Tx, field: str, cycle_id: str) -> Cycle:
    row = await tx.one("cycles/get_cycles", ids=[cycle_id])
    if row is None:
        raise not_found("cycle", field, cycle_id)
    return Cycle.from_row(row["cycle"])


def _date(field: str, value: Any) -> dt.date:
    if value is None or isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(f"{field} must be a date, got {value!r}", field=field, value=value)
    return value


def check_within_parent(start: dt.date, end: dt.date, parent: Cycle) -> None:
    if start < parent.start_date:
        raise ValidationError(
            f"startDate {start.isoformat()} is before parent cycle {parent.id!r} starts "
            f"({parent.start_date.isoformat()})",
            field="startDate",
            value=start.isoformat(),
        )
    if end > parent.end_date:
        raise ValidationError(
            f"endDate {end.isoformat()} is after parent cycle {parent.id!r} ends "
            f"({parent.end_date.isoformat()})",
            field="endDate",
            value=end.isoformat(),
        )


def check_contains(start: dt.date, end: dt.date, subs: list[Cycle]) -> None:
    for sub in subs:
        if start > sub.start_date:
            raise ValidationError(
                f"startDate {start.isoformat()} is after sub-cycle {sub.id!r} starts "
                f"({sub.start_date.isoformat()})",
                field="startDate",
                value=start.isoformat(),
            )
        if end < sub.end_date:
            raise ValidationError(
                f"endDate {end.isoformat()} is before sub-cycle {sub.id!r} ends ({sub.end_date.isoformat()})",
                field="endDate",
                value=end.isoformat(),
            )


async def create_cycle(
    db: Database,
    *,
    id: str | None,
    name: str,
    kind: CycleKind,
    start_date: dt.date,
    end_date: dt.date,
    parent_id: str | None,
    organisation_id: str | None = None,
) -> Cycle:
    """Create a cycle (a YEAR, or a QUARTER within a YEAR) in one transaction, in an organisation: the one
    given, else a quarter's year's, else the caller's or the only one (see boundary.organisation_for_new)."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "name": rules.name("name", name),
        "kind": kind.value,
        "startDate": _date("startDate", start_date),
        "endDate": _date("endDate", end_date),
        "parentId": parent_id,
    }
    rules.date_range(start_date, end_date)
    if kind is CycleKind.YEAR and parent_id is not None:
        raise ValidationError("a YEAR cycle has no parent cycle", field="parentId", value=parent_id)
    if kind is CycleKind.QUARTER and parent_id is None:
        raise ValidationError("a QUARTER cycle needs a parent YEAR cycle", field="parentId")

    async def work(tx: Tx) -> Cycle:
        organisation = organisation_id
        if parent_id is not None:
            await frozen.ensure_open(tx, [parent_id], field="parentId")
            parent = await _load(tx, "parentId", parent_id)
            if organisation is None:
                organisation = parent.organisation_id
            if parent.kind is not CycleKind.YEAR:
                raise ValidationError(
                    f"a {kind.value} must sit within a YEAR, but {parent_id!r} is a {parent.kind.value}",
                    field="parentId",
                    value=parent_id,
                )
            check_within_parent(start_date, end_date, parent)
        organisation = await boundary.organisation_for_new(tx, organisation)
        if parent_id is not None:
            boundary.same_organisation(
                ("organisationId", organisation, organisation),
                ("parentId", parent_id, parent.organisation_id),
            )
        row = await tx.one("cycles/create_cycle", **params, organisationId=organisation)
        assert row is not None
        cycle = Cycle.from_row(row["cycle"])
        await coverage_state.write_all(tx, organisation)  # every unit's rows for the new cycle
        return cycle

    return await db.write(work)


async def update_cycle(db: Database, *, id: str, changes: dict[str, Any]) -> Cycle:
    """Rename a cycle and/or move its dates, keeping it within its parent and around its sub-cycles."""
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "name":
            if value is None:
                raise ValidationError("name must not be null", field="name")
            checked["name"] = rules.name("name", value)
        elif field in ("startDate", "endDate"):
            checked[field] = _date(field, value)
        else:
            raise ValidationError(f"a cycle has no changeable field {field!r}", field=field)

    async def work(tx: Tx) -> Cycle:
        await frozen.ensure_open(tx, [id], field="id")
        cycle = await _load(tx, "id", id)
        if "startDate" in checked or "endDate" in checked:
            start: dt.date = checked.get("startDate", cycle.start_date)
            end: dt.date = checked.get("endDate", cycle.end_date)
            rules.date_range(start, end)
            if cycle.parent_id is not None:
                check_within_parent(start, end, await _load(tx, "parentId", cycle.parent_id))
            subs = [Cycle.from_row(row["cycle"]) for row in await tx.run("cycles/sub_cycles_of", ids=[id])]
            check_contains(start, end, subs)
        row = await tx.one("cycles/update_cycle", id=id, changes=checked)
        assert row is not None
        if "startDate" in checked or "endDate" in checked:
            # Dates decide which strategy covers which objective: relabel what this cycle judges.
            judged = await tx.run("alignment_state/objectives_judged_by_cycle", cycleId=id)
            await alignment_state.refresh(tx, [r["id"] for r in judged])
        return Cycle.from_row(row["cycle"])

    return await db.write(work)


async def delete_cycle(db: Database, *, id: str) -> str:
    """Delete a cycle that has no sub-cycles and holds no objectives, priorities or retrospectives."""

    async def work(tx: Tx) -> str:
        row = await tx.one("cycles/delete_cycle", id=id)
        if row is None:
            raise not_found("cycle", "id", id)
        if row["subCycles"] or row["objectives"] or row["priorities"] or row["retrospectives"]:
            raise ConflictError(
                f"cycle {id!r} still has {row['subCycles']} sub-cycles, {row['objectives']} objectives, "
                f"{row['priorities']} priorities and {row['retrospectives']} retrospectives",
                field="id",
                value=id,
            )
        await coverage_state.cycle_deleted(tx, id)
        return id

    return await db.write(work)
