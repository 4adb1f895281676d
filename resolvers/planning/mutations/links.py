"""Link and unlink mutations for every edge type."""

from __future__ import annotations

from typing import Annotated

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
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The contributing objective.")],
        parent_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="The objective or key result it contributes to: never a lower tier, in a cycle "
                "containing the child's."
            ),
        ],
        weight: Annotated[
            float,
            strawberry.argument(
                description="How much the child counts, above 0 (see RollupMethod); default 1."
            ),
        ] = 1.0,
        counts_toward_progress: Annotated[
            bool,
            strawberry.argument(
                description="False to show alignment only, without counting toward the parent's progress."
            ),
        ] = True,
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
        self,
        info: Info,
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The contributing objective.")],
        parent_id: Annotated[
            strawberry.ID, strawberry.argument(description="The objective or key result it contributed to.")
        ],
    ) -> Objective:
        return await _objective(
            info, await links.unlink_contribution(info.context.db, child_id=child_id, parent_id=parent_id)
        )

    @strawberry.mutation(
        description="Record that a strategic objective supports a priority; returns the objective."
    )
    async def link_support(
        self,
        info: Info,
        objective_id: Annotated[strawberry.ID, strawberry.argument(description="The STRATEGIC objective.")],
        priority_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="The priority it supports; its cycle must contain the objective's."
            ),
        ],
    ) -> Objective:
        done = await links.link_support(info.context.db, objective_id=objective_id, priority_id=priority_id)
        return await _objective(info, done)

    @strawberry.mutation(
        description="Remove a SUPPORTS edge; returns the objective. Removing a missing edge is a no-op."
    )
    async def unlink_support(
        self,
        info: Info,
        objective_id: Annotated[strawberry.ID, strawberry.argument(description="The strategic objective.")],
        priority_id: Annotated[strawberry.ID, strawberry.argument(description="The priority it supported.")],
    ) -> Objective:
        done = await links.unlink_support(info.context.db, objective_id=objective_id, priority_id=priority_id)
        return await _objective(info, done)

    @strawberry.mutation(
        description="Record that an objective or KR depends on another team's objective or KR."
    )
    async def link_dependency(
        self,
        info: Info,
        from_id: Annotated[
            strawberry.ID, strawberry.argument(description="The objective or key result that waits.")
        ],
        to_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="Another team's objective or key result it waits for."),
        ],
        note: Annotated[
            str | None,
            strawberry.argument(
                description="What is needed (up to 1000 characters); re-linking replaces it."
            ),
        ] = None,
    ) -> Dependency:
        return Dependency.of(
            await links.link_dependency(info.context.db, from_id=from_id, to_id=to_id, note=note)
        )

    @strawberry.mutation(description="Remove a dependency; returns the id of the dependent side.")
    async def unlink_dependency(
        self,
        info: Info,
        from_id: Annotated[
            strawberry.ID, strawberry.argument(description="The objective or key result that waited.")
        ],
        to_id: Annotated[
            strawberry.ID, strawberry.argument(description="The objective or key result it waited for.")
        ],
    ) -> strawberry.ID:
        return strawberry.ID(await links.unlink_dependency(info.context.db, from_id=from_id, to_id=to_id))

    @strawberry.mutation(
        description="Record that an initiative advances a key result; returns the initiative."
    )
    async def link_initiative(
        self,
        info: Info,
        initiative_id: Annotated[strawberry.ID, strawberry.argument(description="The initiative.")],
        key_result_id: Annotated[
            strawberry.ID, strawberry.argument(description="The key result it advances (in an open cycle).")
        ],
    ) -> Initiative:
        done = await links.link_advance(
            info.context.db, initiative_id=initiative_id, key_result_id=key_result_id
        )
        return await _initiative(info, done)

    @strawberry.mutation(
        description="Remove an ADVANCES edge; returns the initiative. Removing a missing edge is a no-op."
    )
    async def unlink_initiative(
        self,
        info: Info,
        initiative_id: Annotated[strawberry.ID, strawberry.argument(description="The initiative.")],
        key_result_id: Annotated[
            strawberry.ID, strawberry.argument(description="The key result it advanced.")
        ],
    ) -> Initiative:
        done = await links.link_advance(
            info.context.db, initiative_id=initiative_id, key_result_id=key_result_id, remove=True
        )
        return await _initiative(info, done)
