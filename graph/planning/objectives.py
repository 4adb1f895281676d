"""Objectives: qualitative goals owned by one team in one cycle, STRATEGIC or TEAM tier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ValidationError, not_found
from graph.core.models import Objective, ObjectiveStatus, RollupMethod, TeamKind, Tier
from graph.core.paging import Page, by_id, groups, to_page
from graph.planning import alignment_state, boundary, frozen, rules
from graph.planning.writes import delete_by_id, update_by_id

STRATEGIC_OWNERS = {TeamKind.COMPANY, TeamKind.BUSINESS_UNIT}


@dataclass(frozen=True)
class ObjectiveFilter:
    """Filters for listing objectives; None matches everything."""

    cycle_id: str | None = None
    team_id: str | None = None
    tier: Tier | None = None
    status: ObjectiveStatus | None = None
    # With cycle_id: also the cycles within it (a year's quarters), as the alignment and health questions count.
    include_sub_cycles: bool = True

    def params(self) -> dict[str, Any]:
        return {
            "cycleId": self.cycle_id,
            "includeSubCycles": self.include_sub_cycles,
            "teamId": self.team_id,
            "tier": self.tier.value if self.tier else None,
            "status": self.status.value if self.status else None,
        }


def check_owner(tier: Tier, kind: TeamKind, owner_id: str) -> None:
    """A STRATEGIC objective belongs to the company or a business unit."""
    if tier is Tier.STRATEGIC and kind not in STRATEGIC_OWNERS:
        raise ValidationError(
            f"a STRATEGIC objective belongs to the company or a business unit, not {kind.value} {owner_id!r}",
            field="ownerId",
            value=owner_id,
        )


async def get_objectives(db: Database, ids: list[str]) -> list[Objective | None]:
    """Return the objectives with these ids, None where missing, in order."""
    rows = await db.read("objectives/get_objectives", ids=ids)
    return by_id(rows, ids, column="objective", build=Objective.from_row)


async def objectives_of_teams(db: Database, ids: list[str]) -> list[list[Objective]]:
    """Return the objectives each team owns, in order of `ids`."""
    rows = await db.read("objectives/objectives_of_teams", ids=ids)
    return groups(rows, ids, build=Objective.from_row)


async def list_objectives(
    db: Database, *, where: ObjectiveFilter, after: str | None, first: int
) -> Page[Objective]:
    """Return one page of objectives ordered by id."""
    rows = await db.read("objectives/list_objectives", **where.params(), after=after, first=first)
    return to_page(rows, column="objective", first=first, build=Objective.from_row)


async def count_objectives(db: Database, *, where: ObjectiveFilter) -> int:
    rows = await db.read("objectives/count_objectives", **where.params())
    return int(rows[0]["total"])


async def create_objective(
    db: Database,
    *,
    id: str | None,
    title: str,
    description: str | None,
    tier: Tier,
    status: ObjectiveStatus,
    owner_id: str,
    cycle_id: str,
    confidence: int | None = None,
    rollup: RollupMethod = RollupMethod.MEAN,
) -> Objective:
    """Create an objective in one transaction; strategic objectives belong to the company or a BU."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "title": rules.name("title", title),
        "description": rules.text("description", description),
        "tier": tier.value,
        "status": status.value,
        "ownerId": owner_id,
        "cycleId": cycle_id,
        "confidence": rules.confidence("confidence", confidence),
        "rollup": rollup.value,
    }

    async def work(tx: Tx) -> Objective:
        await frozen.ensure_open(tx, [cycle_id], field="cycleId")
        owner = await tx.one("teams/get_teams", ids=[owner_id])
        if owner is None:
            raise not_found("team", "ownerId", owner_id)
        cycle = await tx.one("cycles/get_cycles", ids=[cycle_id])
        if cycle is None:
            raise not_found("cycle", "cycleId", cycle_id)
        boundary.same_organisation(
            ("ownerId", owner_id, owner["team"]["organisationId"]),
            ("cycleId", cycle_id, cycle["cycle"]["organisationId"]),
        )
        check_owner(tier, TeamKind(owner["team"]["kind"]), owner_id)
        row = await tx.one("objectives/create_objective", **params)
        if row is None:
            raise not_found("cycle", "cycleId", cycle_id)
        await alignment_state.refresh(tx, [row["objective"]["id"]])
        return Objective.from_row(row["objective"])

    return await db.write(work)


async def update_objective(db: Database, *, id: str, changes: dict[str, Any]) -> Objective:
    """Change title, description, status (ARCHIVED archives it), confidence or rollup in one transaction."""
    checked: dict[str, Any] = {}
    if "title" in changes:
        checked["title"] = rules.name("title", changes["title"])
    if "description" in changes:
        checked["description"] = rules.text("description", changes["description"])
    if "status" in changes:
        checked["status"] = ObjectiveStatus(changes["status"]).value
    if "confidence" in changes:
        checked["confidence"] = rules.confidence("confidence", changes["confidence"])
    if "rollup" in changes:
        checked["rollup"] = RollupMethod(changes["rollup"]).value

    return await update_by_id(
        db,
        "objectives/update_objective",
        id=id,
        changes=checked,
        kind="objective",
        column="objective",
        build=Objective.from_row,
        frozen_in_closed_cycle=True,
        realign="status" in checked,
    )


async def delete_objective(db: Database, *, id: str) -> str:
    """Delete an objective, its key results and their edges."""
    return await delete_by_id(
        db,
        "objectives/delete_objective",
        id=id,
        kind="objective",
        frozen_in_closed_cycle=True,
        realign="alignment_state/children_of_one",
        recount="alignment_state/owner_of_objective",
    )
