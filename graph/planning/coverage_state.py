"""Coverage rows kept current as they are written: what each unit's teams add to coverage, per cycle.

One :UnitCoverage node per coverage home (a business unit, or a top unit with no business unit above a team)
and cycle of its organisation (cypher/alignment_state/write_unit_coverage): its own teams' live TEAM objectives,
how many are aligned, its idle teams and per priority the team objectives and teams behind it. Each team
counts in exactly one home, so coverage by unit and by priority sum about one row per unit instead of counting
every objective. A write recomputes the rows of the homes it touched, in its own transaction: the homes of the
objectives whose alignment state it refreshed (graph/planning/alignment_state.py calls `recount`), of a deleted
objective's owner, of a new, moved or deleted team, and every home for a new cycle. Recomputing one home costs its
own teams' objectives, a few hundred in a business unit.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.core.db import Reader, Tx

# Homes per query: bounds one UNWIND when a rebuild or a new cycle recomputes a whole organisation.
CHUNK = 50


async def homes_of(reader: Reader, team_ids: Iterable[str]) -> set[str]:
    """The coverage homes that count these teams' objectives."""
    ids = sorted(set(team_ids))
    if not ids:
        return set()
    return {row["id"] for row in await reader.read("alignment_state/coverage_homes", ids=ids)}


async def write_homes(tx: Tx, homes: Iterable[str]) -> None:
    """Recompute and store the coverage rows of these homes, inside `tx`."""
    ordered = sorted(set(homes))
    if not ordered:
        return
    await tx.run("alignment_state/lock_unit_coverage", ids=ordered)
    for start in range(0, len(ordered), CHUNK):
        await tx.run("alignment_state/write_unit_coverage", ids=ordered[start : start + CHUNK])


async def recount(tx: Tx, team_ids: Iterable[str]) -> None:
    """Recompute the coverage rows that count these teams' objectives, inside `tx`."""
    await write_homes(tx, await homes_of(tx, team_ids))


async def team_moved(tx: Tx, team_id: str, old_homes: set[str]) -> None:
    """Recompute the rows a team's move changes: its old and new home, and every home inside it (the units
    above them changed); `old_homes` were read before the move."""
    inside = {row["id"] for row in await tx.run("alignment_state/coverage_homes_below", id=team_id)}
    await write_homes(tx, old_homes | inside | await homes_of(tx, [team_id]))


async def team_deleted(tx: Tx, team_id: str, old_homes: set[str]) -> None:
    """Drop a deleted team's own rows (when it was a home) and recompute the home that counted it."""
    await tx.run("alignment_state/delete_unit_coverage", organisationId=None, unitId=team_id, cycleId=None)
    await write_homes(tx, old_homes - {team_id})


async def cycle_deleted(tx: Tx, cycle_id: str) -> None:
    """Drop a deleted cycle's rows."""
    await tx.run("alignment_state/delete_unit_coverage", organisationId=None, unitId=None, cycleId=cycle_id)


async def rebuild(tx: Tx, organisation_id: str) -> None:
    """Delete and recompute every coverage row of an organisation, inside `tx`."""
    await tx.run(
        "alignment_state/delete_unit_coverage", organisationId=organisation_id, unitId=None, cycleId=None
    )
    await write_all(tx, organisation_id)


async def write_all(tx: Tx, organisation_id: str) -> None:
    """Recompute the coverage rows of every home of an organisation (a new cycle needs rows everywhere)."""
    rows = await tx.run("alignment_state/organisation_homes", organisationId=organisation_id)
    await write_homes(tx, [row["id"] for row in rows])
