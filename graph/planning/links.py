"""Edges between objectives, key results, priorities and initiatives, with the alignment rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import ValidationError, not_found
from graph.core.models import (
    Contribution,
    Dependency,
    Initiative,
    KeyResult,
    Objective,
    Priority,
    Tier,
    covers,
)
from graph.core.paging import group, groups
from graph.planning import alignment_state, boundary, dependency_loops, frozen, rules


@dataclass(frozen=True)
class Alignable:
    """An objective or key result, with what the alignment rules need."""

    id: str
    kind: str
    objective_id: str
    tier: Tier
    owner_id: str
    cycle_id: str
    start: Any
    end: Any
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Alignable:
        return cls(
            id=m["id"],
            kind=m["kind"],
            objective_id=m["objectiveId"],
            tier=Tier(m["tier"]),
            owner_id=m["ownerId"],
            cycle_id=m["cycleId"],
            start=m["startDate"],
            end=m["endDate"],
            organisation_id=m.get("organisationId"),
        )


async def _find(tx: Tx, field: str, id: str, what: str = "objective or key result") -> Alignable:
    """Load one end of a link; an objective or key result in a closed cycle is frozen (CONFLICT)."""
    row = await tx.one("links/find_alignables", ids=[id])
    if row is None:
        raise not_found(what, field, id)
    await frozen.ensure_open(tx, [id], field=field)
    return Alignable.from_row(row)


def check_contribution(child: Alignable, parent: Alignable, ancestry: list[str]) -> None:
    """The rules of one CONTRIBUTES_TO edge but loops; `ancestry` is the child's owner and the units above it."""
    if parent.objective_id == child.id:
        raise ValidationError(
            f"objective {child.id!r} cannot contribute to its own key result {parent.id!r}",
            field="parentId",
            value=parent.id,
        )
    if child.tier is Tier.STRATEGIC and parent.tier is Tier.TEAM:
        raise ValidationError(
            f"CONTRIBUTES_TO never points down a tier: strategic {child.id!r} cannot contribute to team-tier "
            f"{parent.id!r}",
            field="parentId",
            value=parent.id,
        )
    if child.tier is Tier.STRATEGIC and parent.owner_id not in ancestry[1:]:
        raise ValidationError(
            f"a strategic objective contributes only to a higher unit's strategic objective; {parent.id!r} "
            f"is owned by {parent.owner_id!r}, which is not above {child.owner_id!r}",
            field="parentId",
            value=parent.id,
        )
    if not covers((parent.start, parent.end), (child.start, child.end)):
        raise ValidationError(
            f"child cycle {child.cycle_id!r} does not lie within parent cycle {parent.cycle_id!r}",
            field="parentId",
            value=parent.id,
        )


def check_supporter(objective: Alignable) -> None:
    """Only a STRATEGIC objective supports a priority."""
    if objective.tier is not Tier.STRATEGIC:
        raise ValidationError(
            f"only a STRATEGIC objective supports a priority; {objective.id!r} is TEAM tier",
            field="objectiveId",
            value=objective.id,
        )


def check_support(objective: Alignable, priority_id: str, cycle_id: str, start: Any, end: Any) -> None:
    """A supporting objective's cycle lies within its priority's cycle (`cycle_id`, from `start` to `end`)."""
    if not covers((start, end), (objective.start, objective.end)):
        raise ValidationError(
            f"objective cycle {objective.cycle_id!r} does not lie within priority cycle {cycle_id!r}",
            field="priorityId",
            value=priority_id,
        )


def check_dependency(source: Alignable, target: Alignable) -> None:
    """DEPENDS_ON joins two different teams' objectives or key results."""
    if source.owner_id == target.owner_id:
        raise ValidationError(
            f"DEPENDS_ON joins different teams; {source.id!r} and {target.id!r} are both owned by "
            f"{source.owner_id!r}",
            field="toId",
            value=target.id,
        )


async def _is_above(tx: Tx, *, start_id: str, target_id: str) -> bool:
    """Return whether `target_id` is reachable upward from `start_id` through CONTRIBUTES_TO."""
    seen = {start_id}
    frontier = [start_id]
    while frontier:
        if target_id in frontier:
            return True
        rows = await tx.run("links/parent_objectives", ids=frontier)
        frontier = [row["id"] for row in rows if row["id"] not in seen]
        seen.update(frontier)
    return False


async def link_contribution(
    db: Database, *, child_id: str, parent_id: str, weight: float, counts_toward_progress: bool
) -> Contribution:
    """Link an objective as contributing to a higher (or peer team) objective or key result."""
    rules.positive("weight", weight)
    if child_id == parent_id:
        raise ValidationError(
            f"an objective cannot contribute to itself ({child_id!r})", field="parentId", value=parent_id
        )

    async def work(tx: Tx) -> Contribution:
        # Serialise link checks per organisation: concurrent A -> B and B -> A would otherwise both pass.
        await tx.run("links/lock_alignment", id=child_id)
        child = await _find(tx, "childId", child_id, "objective")
        if child.kind != "Objective":
            raise ValidationError(
                f"childId {child_id!r} is a key result; only objectives contribute",
                field="childId",
                value=child_id,
            )
        parent = await _find(tx, "parentId", parent_id)
        boundary.same_organisation(
            ("childId", child_id, child.organisation_id), ("parentId", parent_id, parent.organisation_id)
        )
        ancestry = []
        if child.tier is Tier.STRATEGIC:
            ancestry = [row["id"] for row in await tx.run("teams/team_ancestry", id=child.owner_id)]
        check_contribution(child, parent, ancestry)
        if await _is_above(tx, start_id=parent.objective_id, target_id=child.id):
            raise ValidationError(
                f"linking {child_id!r} to {parent_id!r} would make a CONTRIBUTES_TO loop",
                field="parentId",
                value=parent_id,
            )
        row = await tx.one(
            "links/merge_contribution",
            childId=child_id,
            parentId=parent_id,
            weight=weight,
            countsTowardProgress=counts_toward_progress,
        )
        assert row is not None
        await alignment_state.refresh(tx, [child_id])
        return Contribution.from_row(row["contribution"])

    return await db.write(work)


async def unlink_contribution(db: Database, *, child_id: str, parent_id: str) -> str:
    """Remove a CONTRIBUTES_TO edge; removing one that is not there is a no-op."""

    async def work(tx: Tx) -> str:
        await _find(tx, "childId", child_id, "objective")
        await _find(tx, "parentId", parent_id)
        await tx.run("links/delete_contribution", childId=child_id, parentId=parent_id)
        await alignment_state.refresh(tx, [child_id])
        return child_id

    return await db.write(work)


async def link_support(db: Database, *, objective_id: str, priority_id: str) -> str:
    """Record that a strategic objective supports a priority of its year."""

    async def work(tx: Tx) -> str:
        objective = await _find(tx, "objectiveId", objective_id, "objective")
        if objective.kind != "Objective":
            raise not_found("objective", "objectiveId", objective_id)
        check_supporter(objective)
        priority = await tx.one("priorities/get_priorities", ids=[priority_id])
        if priority is None:
            raise not_found("priority", "priorityId", priority_id)
        boundary.same_organisation(
            ("objectiveId", objective_id, objective.organisation_id),
            ("priorityId", priority_id, priority["priority"]["organisationId"]),
        )
        cycle = await tx.one("cycles/get_cycles", ids=[priority["priority"]["cycleId"]])
        assert cycle is not None
        found = cycle["cycle"]
        check_support(objective, priority_id, found["id"], found["startDate"], found["endDate"])
        await tx.run("links/merge_support", objectiveId=objective_id, priorityId=priority_id)
        await alignment_state.refresh(tx, [objective_id])
        return objective_id

    return await db.write(work)


async def unlink_support(db: Database, *, objective_id: str, priority_id: str) -> str:
    """Remove a SUPPORTS edge; removing one that is not there is a no-op."""

    async def work(tx: Tx) -> str:
        await _find(tx, "objectiveId", objective_id, "objective")
        if await tx.one("priorities/get_priorities", ids=[priority_id]) is None:
            raise not_found("priority", "priorityId", priority_id)
        await tx.run("links/delete_support", objectiveId=objective_id, priorityId=priority_id)
        await alignment_state.refresh(tx, [objective_id])
        return objective_id

    return await db.write(work)


async def link_dependency(db: Database, *, from_id: str, to_id: str, note: str | None) -> Dependency:
    """Record that one team's objective or KR depends on another team's."""
    checked_note = rules.text("note", note, limit=1000)
    if from_id == to_id:
        raise ValidationError(f"{from_id!r} cannot depend on itself", field="toId", value=to_id)

    async def work(tx: Tx) -> Dependency:
        source = await _find(tx, "fromId", from_id)
        target = await _find(tx, "toId", to_id)
        boundary.same_organisation(
            ("fromId", from_id, source.organisation_id), ("toId", to_id, target.organisation_id)
        )
        check_dependency(source, target)
        row = await tx.one("links/merge_dependency", fromId=from_id, toId=to_id, note=checked_note)
        assert row is not None
        await dependency_loops.record(tx, [(from_id, to_id)])
        return Dependency.from_row(row["dependency"])

    return await db.write(work)


async def unlink_dependency(db: Database, *, from_id: str, to_id: str) -> str:
    """Remove a DEPENDS_ON edge; removing one that is not there is a no-op."""

    async def work(tx: Tx) -> str:
        await _find(tx, "fromId", from_id)
        await _find(tx, "toId", to_id)
        await tx.run("links/delete_dependency", fromId=from_id, toId=to_id)
        return from_id

    return await db.write(work)


async def link_advance(db: Database, *, initiative_id: str, key_result_id: str, remove: bool = False) -> str:
    """Record (or with remove=True, remove) that an initiative advances a key result."""

    async def work(tx: Tx) -> str:
        initiative = await tx.one("initiatives/get_initiatives", ids=[initiative_id])
        if initiative is None:
            raise not_found("initiative", "initiativeId", initiative_id)
        key_result = await tx.one("keyresults/get_key_results", ids=[key_result_id])
        if key_result is None:
            raise not_found("key result", "keyResultId", key_result_id)
        boundary.same_organisation(
            ("initiativeId", initiative_id, initiative["initiative"]["organisationId"]),
            ("keyResultId", key_result_id, key_result["keyResult"]["organisationId"]),
        )
        await frozen.ensure_open(tx, [key_result_id], field="keyResultId")
        name = "links/delete_advance" if remove else "links/merge_advance"
        await tx.run(name, initiativeId=initiative_id, keyResultId=key_result_id)
        return initiative_id

    return await db.write(work)


async def contributions_from(db: Database, ids: list[str]) -> list[list[Contribution]]:
    rows = await db.read("links/contributions_from", ids=ids)
    return groups(rows, ids, build=Contribution.from_row)


async def contributions_to(db: Database, ids: list[str]) -> list[list[Contribution]]:
    rows = await db.read("links/contributions_to", ids=ids)
    return groups(rows, ids, build=Contribution.from_row)


async def priorities_supported_by(db: Database, ids: list[str]) -> list[list[Priority]]:
    rows = await db.read("links/priorities_supported_by", ids=ids)
    return group(rows, ids, column="priority", build=Priority.from_row)


async def objectives_supporting(db: Database, ids: list[str]) -> list[list[Objective]]:
    rows = await db.read("links/objectives_supporting", ids=ids)
    return group(rows, ids, column="objective", build=Objective.from_row)


async def dependencies_from(db: Database, ids: list[str]) -> list[list[Dependency]]:
    rows = await db.read("links/dependencies_from", ids=ids)
    return group(rows, ids, column="dependency", build=Dependency.from_row)


async def dependencies_to(db: Database, ids: list[str]) -> list[list[Dependency]]:
    rows = await db.read("links/dependencies_to", ids=ids)
    return group(rows, ids, column="dependency", build=Dependency.from_row)


async def initiatives_advancing(db: Database, ids: list[str]) -> list[list[Initiative]]:
    rows = await db.read("links/initiatives_advancing", ids=ids)
    return group(rows, ids, column="initiative", build=Initiative.from_row)


async def key_results_advanced_by(db: Database, ids: list[str]) -> list[list[KeyResult]]:
    rows = await db.read("links/key_results_advanced_by", ids=ids)
    return group(rows, ids, column="keyResult", build=KeyResult.from_row)
