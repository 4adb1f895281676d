"""Dependency loop candidates kept as they are written: the team loops a new dependency may close.

A write that adds dependencies records, in its own transaction, the loops of two or three teams through each
(cypher/alignment_state/loops_through_dependencies: a search bounded by the two teams' own dependencies), as
:DependencyLoop nodes. alignment/team_dependency_loops keeps the candidates whose every wait holds in the cycle
asked about, so a removed dependency needs no write: its loop stops showing. `rebuild` finds them from scratch
(alignment/team_dependency_loops_full for each year), for the repair command and other tools' data.
"""

from __future__ import annotations

from graph.core.db import Tx

# Dependencies per query: bounds one UNWIND when a plan import writes many.
CHUNK = 2000


async def record(tx: Tx, dependencies: list[tuple[str, str]]) -> None:
    """Record the loop candidates these new (from id, to id) dependencies may close, inside `tx`."""
    rows = [{"fromId": source, "toId": target} for source, target in dependencies]
    for start in range(0, len(rows), CHUNK):
        await tx.run("alignment_state/loops_through_dependencies", rows=rows[start : start + CHUNK])


async def rebuild(tx: Tx, organisation_id: str) -> None:
    """Replace an organisation's loop candidates with the loops of each of its years, found from scratch."""
    await tx.run("alignment_state/delete_dependency_loops", organisationId=organisation_id)
    for cycle in await tx.run("alignment_state/top_cycles", organisationId=organisation_id):
        rows = await tx.run("alignment/team_dependency_loops_full", cycleId=cycle["id"])
        loops = [[team["id"] for team in row["teams"]] for row in rows]
        await tx.run("alignment_state/write_dependency_loops", organisationId=organisation_id, loops=loops)
