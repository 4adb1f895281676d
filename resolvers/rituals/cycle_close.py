"""closeCycle (freezes a cycle's objectives) and carryOverObjective (copies an unfinished one forward)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.core import models
from graph.rituals import cycle_close
from resolvers.core.context import Info
from resolvers.planning.okrs import Objective
from resolvers.planning.units import Cycle
from resolvers.rituals.loaders import ritual_loaders


@strawberry.type
class CycleMutations:
    @strawberry.mutation(
        description="Close a cycle: its objectives, their key results, links and check-ins are frozen (edits are "
        "CONFLICT, pushed values REJECTED with CYCLE_CLOSED). A year closes once its quarters are closed. "
        "Closing a closed cycle changes nothing."
    )
    async def close_cycle(
        self,
        info: Info,
        cycle_id: Annotated[strawberry.ID, strawberry.argument(description="The cycle to close.")],
    ) -> Cycle:
        return Cycle.of(await cycle_close.close_cycle(info.context.db, id=cycle_id))

    @strawberry.mutation(
        description="Copy an unfinished objective into a later cycle of the same kind, with its unfinished key "
        "results (baseline = the last current), linked CARRIED_OVER_FROM. A retry returns the same copy. "
        "COMPLETED or ARCHIVED objectives, and ones whose key results are all reached, are CONFLICT "
        "(field status or progress)."
    )
    async def carry_over_objective(
        self,
        info: Info,
        objective_id: Annotated[
            strawberry.ID, strawberry.argument(description="The unfinished objective to copy.")
        ],
        to_cycle_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A later, open cycle of the same kind (YEAR or QUARTER)."),
        ],
    ) -> Objective:
        copy = await cycle_close.carry_over_objective(
            info.context.db, objective_id=objective_id, to_cycle_id=to_cycle_id
        )
        return Objective.of(copy)


async def carried_over_from(info: Info, objective_id: str) -> models.Objective | None:
    """The objective this one was carried over from (Objective.carriedOverFrom), batched per request."""
    return await ritual_loaders(info).carried_over_from.load(objective_id)
