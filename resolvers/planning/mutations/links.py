"""Link and unlink mutations for every edge type."""

from __future__ import annotations

import strawberry

from graph.planning import links
from resolvers.core.context import Info
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Contribution, Dependency, Initiative, Objective


async def _objective(info: Info, id: str) -> Objective:
    found = await planning_loaders(info).objective_by_id.load(id)
    assert found is not None
    return Objective.of(found)


async def _initiative(info: Info, id: str) -> Initiative:
    found = await planning_loaders(info).initiative_by_id.load(id)
    assert found is not None
    return Initiative.of(found)


@strawberry.type
class LinkMutations:
    @strawberry.mutation(
        description="Link an objective as contributing to an objective or key result (re-linking updates weight)."
    )
    async def link_contribution(
        self,
        info: Info,
        child_id: strawberry.ID,
        parent_id: strawberry.ID,
        weight: float = 1.0,
        counts_toward_progress: bool = True,
    ) -> Contribution:
        edge = await links.link_contribution(
            info.context.db,
            child_id=child_id,
            parent_id=parent_id,
            weight=weight,
            counts_toward_progress=counts_toward_progress,
        )
        return Contribution.of(edge)

    @strawberry.mutation(
        description="Remove a contribution; returns the child objective. Removing a missing edge is a no-op."
    )
    async def unlink_contribution(
        self, info: Info, child_id: strawberry.ID, parent_id: strawberry.ID
    ) -> Objective:
        return await _objective(
            info, await links.unlink_contribution(info.context.db, child_id=child_id, parent_id=parent_id)
        )

    @strawberry.mutation(
        description="Record that a strategic objective supports a priority; returns the objective."
    )
    async def link_support(
        self, info: Info, objective_id: strawberry.ID, priority_id: strawberry.ID
    ) -> Objective:
        done = await links.link_support(info.context.db, objective_id=objective_id, priority_id=priority_id)
        return await _objective(info, done)

    @strawberry.mutation
    async def unlink_support(
        self, info: Info, objective_id: strawberry.ID, priority_id: strawberry.ID
    ) -> Objective:
        done = await links.unlink_support(info.context.db, objective_id=objective_id, priority_id=priority_id)
        return await _objective(info, done)

    @strawberry.mutation(
        description="Record that an objective or KR depends on another team's objective or KR."
    )
    async def link_dependency(
        self, info: Info, from_id: strawberry.ID, to_id: strawberry.ID, note: str | None = None
    ) -> Dependency:
        return Dependency.of(
            await links.link_dependency(info.context.db, from_id=from_id, to_id=to_id, note=note)
        )

    @strawberry.mutation(description="Remove a dependency; returns the id of the dependent side.")
    async def unlink_dependency(
        self, info: Info, from_id: strawberry.ID, to_id: strawberry.ID
    ) -> strawberry.ID:
        return strawberry.ID(await links.unlink_dependency(info.context.db, from_id=from_id, to_id=to_id))

    @strawberry.mutation(
        description="Record that an initiative advances a key result; returns the initiative."
    )
    async def link_initiative(
        self, info: Info, initiative_id: strawberry.ID, key_result_id: strawberry.ID
    ) -> Initiative:
        done = await links.link_advance(
            info.context.db, initiative_id=initiative_id, key_result_id=key_result_id
        )
        return await _initiative(info, done)

    @strawberry.mutation
    async def unlink_initiative(
        self, info: Info, initiative_id: strawberry.ID, key_result_id: strawberry.ID
    ) -> Initiative:
        done = await links.link_advance(
            info.context.db, initiative_id=initiative_id, key_result_id=key_result_id, remove=True
        )
        return await _initiative(info, done)
