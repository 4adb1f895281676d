"""Teams: a tree of units (company > business units > teams) in one organisation."""

from __future__ import annotations

from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ConflictError, ValidationError, not_found
from graph.core.models import Team, TeamKind
from graph.core.paging import Page, by_id, groups, to_page
from graph.planning import coverage_state, rules

# Which kinds of unit each kind may sit in.
ALLOWED_PARENTS = {
    TeamKind.COMPANY: set(),
    TeamKind.BUSINESS_UNIT: {TeamKind.COMPANY, TeamKind.BUSINESS_UNIT},
    TeamKind.TEAM: {TeamKind.COMPANY, TeamKind.BUSINESS_UNIT, TeamKind.TEAM},
}


async def get_teams(db: Database, ids: list[str]) -> list[Team | None]:
    """Return the teams with these ids, None where missing, in order."""
    rows = await db.read("teams/get_teams", ids=ids)
    return by_id(rows, ids, column="team", build=Team.from_row)


async def children_of_teams(db: Database, ids: list[str]) -> list[list[Team]]:
    """Return each team's direct sub-units, in order of `ids`."""
    rows = await db.read("teams/children_of_teams", ids=ids)
    return groups(rows, ids, build=Team.from_row)


async def owners_of_objectives(db: Database, ids: list[str]) -> list[Team | None]:
    """Return the team owning each objective, None where missing, in order of `ids`."""
    rows = await db.read("teams/owners_of_objectives", ids=ids)
    return [found[0] if found else None for found in groups(rows, ids, build=Team.from_row)]


async def top_units(db: Database, organisation_id: str) -> list[Team]:
    """Return the units of an organisation that sit in no other unit (its company), in id order."""
    rows = await db.read("teams/top_units", organisationId=organisation_id)
    return [Team.from_row(row["team"]) for row in rows]


async def list_teams(db: Database, *, parent_id: str | None, after: str | None, first: int) -> Page[Team]:
    """Return one page of teams ordered by id."""
    rows = await db.read("teams/list_teams", parentId=parent_id, after=after, first=first)
    return to_page(rows, column="team", first=first, build=Team.from_row)


async def count_teams(db: Database, *, parent_id: str | None) -> int:
    rows = await db.read("teams/count_teams", parentId=parent_id)
    return int(rows[0]["total"])


async def _load(tx: Tx, field: str, team_id: str) -> Team:
    row = await tx.one("teams/get_teams", ids=[team_id])
    if row is None:
        raise not_found("team", field, team_id)
    return Team.from_row(row["team"])


def check_parent(kind: TeamKind, parent: Team | None, organisation_id: str) -> None:
    if parent is None:
        return
    if parent.kind not in ALLOWED_PARENTS[kind]:
        raise ValidationError(
            f"a {kind.value} cannot sit in {parent.kind.value} {parent.id!r}",
            field="parentId",
            value=parent.id,
        )
    if parent.organisation_id != organisation_id:
        raise ValidationError(
            f"parent {parent.id!r} belongs to organisation {parent.organisation_id!r}, not {organisation_id!r}",
            field="parentId",
            value=parent.id,
        )


async def create_team(
    db: Database, *, id: str | None, name: str, kind: TeamKind, organisation_id: str, parent_id: str | None
) -> Team:
    """Create a team in one transaction."""
    params: dict[str, Any] = {
        "id": rules.new_id("id", id),
        "name": rules.name("name", name),
        "kind": kind.value,
        "organisationId": organisation_id,
        "parentId": parent_id,
    }
    if kind is TeamKind.COMPANY and parent_id is not None:
        raise ValidationError("a COMPANY has no parent unit", field="parentId", value=parent_id)

    async def work(tx: Tx) -> Team:
        parent = await _load(tx, "parentId", parent_id) if parent_id else None
        check_parent(kind, parent, organisation_id)
        row = await tx.one("teams/create_team", **params)
        if row is None:
            raise not_found("organisation", "organisationId", organisation_id)
        await coverage_state.recount(tx, [row["team"]["id"]])  # a new home, or a new idle team in one
        return Team.from_row(row["team"])

    return await db.write(work)


async def update_team(db: Database, *, id: str, name: str | None, parent_id: str | None) -> Team:
    """Rename a team and/or move it under another unit, refusing loops."""
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = rules.name("name", name)

    async def work(tx: Tx) -> Team:
        team = await _load(tx, "id", id)
        if parent_id is not None and parent_id != team.parent_id:
            parent = await _load(tx, "parentId", parent_id)
            check_parent(team.kind, parent, team.organisation_id)
            ancestry = [row["id"] for row in await tx.run("teams/team_ancestry", id=parent_id)]
            if id in ancestry:
                raise ValidationError(
                    f"moving {id!r} under {parent_id!r} would put the team inside itself",
                    field="parentId",
                    value=parent_id,
                )
            old_homes = await coverage_state.homes_of(tx, [id])
            await tx.run("teams/move_team", id=id, parentId=parent_id)
            await coverage_state.team_moved(tx, id, old_homes)
        row = await tx.one("teams/update_team", id=id, changes=changes)
        assert row is not None
        return Team.from_row(row["team"])

    return await db.write(work)


async def delete_team(db: Database, *, id: str) -> str:
    """Delete a team that has no sub-units and no objectives."""

    async def work(tx: Tx) -> str:
        homes = await coverage_state.homes_of(tx, [id])
        row = await tx.one("teams/delete_team", id=id)
        if row is None:
            raise not_found("team", "id", id)
        if row["children"] or row["objectives"]:
            raise ConflictError(
                f"team {id!r} still has {row['children']} sub-units and {row['objectives']} objectives",
                field="id",
                value=id,
            )
        await coverage_state.team_deleted(tx, id, homes)
        return id

    return await db.write(work)
