"""Read fields: every node type by id, and every list as a cursor connection."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import strawberry

from graph.core.errors import not_found
from graph.planning import cycles, initiatives, key_results, objectives, organisations, priorities, teams
from resolvers.core.context import Info
from resolvers.core.enums import ObjectiveStatus, Tier
from resolvers.core.pagination import After, Connection, First, check_first, connection, decode_cursor
from resolvers.core.selection import Wanted
from resolvers.planning import ahead
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Initiative, KeyResult, Objective
from resolvers.planning.units import Cycle, Organisation, Priority, Team

M = TypeVar("M")


async def require(load: Callable[[str], Awaitable[M | None]], kind: str, id: str, field: str = "id") -> M:
    """Load a node by id, or raise NOT_FOUND naming the argument `field`."""
    found = await load(id)
    if found is None:
        raise not_found(kind, field, id)
    return found


NodeId = Annotated[strawberry.ID, strawberry.argument(description="The id to look up.")]


def paging(info: Info, first: int, after: str | None) -> tuple[int, str | None]:
    return check_first(first, info.context.settings.max_page_size), decode_cursor(after)


# Single-object lookups follow the GraphQL norm: an id that names nothing answers null, never an error (README,
# Errors). Questions about an id (rollup, pathToStrategy, ...) and mutations answer NOT_FOUND naming it.
@strawberry.type
class Query:
    @strawberry.field(description="The organisation with this id; null when there is none.")
    async def organisation(self, info: Info, id: NodeId) -> Organisation | None:
        found = await planning_loaders(info).organisation_by_id.load(id)
        return None if found is None else Organisation.of(found)

    @strawberry.field(
        description="The unit (company, business unit or team) with this id; null when there is none."
    )
    async def team(self, info: Info, id: NodeId) -> Team | None:
        fields = Wanted.of_field(info).for_type("Team")
        found = planning_loaders(info).team_by_id.load(id)
        built: Team | None = await ahead.one(info.context.db, id, found, Team.of, fields, Team)
        return built

    @strawberry.field(description="The cycle with this id; null when there is none.")
    async def cycle(self, info: Info, id: NodeId) -> Cycle | None:
        found = await planning_loaders(info).cycle_by_id.load(id)
        return None if found is None else Cycle.of(found)

    @strawberry.field(description="The priority with this id; null when there is none.")
    async def priority(self, info: Info, id: NodeId) -> Priority | None:
        found = await planning_loaders(info).priority_by_id.load(id)
        return None if found is None else Priority.of(found)

    @strawberry.field(description="The objective with this id; null when there is none.")
    async def objective(self, info: Info, id: NodeId) -> Objective | None:
        fields = Wanted.of_field(info).for_type("Objective")
        found = planning_loaders(info).objective_by_id.load(id)
        built: Objective | None = await ahead.one(info.context.db, id, found, Objective.of, fields, Objective)
        return built

    @strawberry.field(description="The key result with this id; null when there is none.")
    async def key_result(self, info: Info, id: NodeId) -> KeyResult | None:
        fields = Wanted.of_field(info).for_type("KeyResult")
        found = planning_loaders(info).key_result_by_id.load(id)
        built: KeyResult | None = await ahead.one(info.context.db, id, found, KeyResult.of, fields, KeyResult)
        return built

    @strawberry.field(description="The initiative with this id; null when there is none.")
    async def initiative(self, info: Info, id: NodeId) -> Initiative | None:
        found = await planning_loaders(info).initiative_by_id.load(id)
        return None if found is None else Initiative.of(found)

    @strawberry.field(description="Organisations in id order.")
    async def organisations(
        self, info: Info, first: First = 50, after: After = None
    ) -> Connection[Organisation]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await organisations.list_organisations(db, after=cursor, first=size)
        return connection(page, Organisation.of, lambda: organisations.count_organisations(db))

    @strawberry.field(description="Teams in id order; with parentId, only the units directly inside it.")
    async def teams(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        parent_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only the units directly inside this one; null: every unit."),
        ] = None,
    ) -> Connection[Team]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await teams.list_teams(db, parent_id=parent_id, after=cursor, first=size)
        found = connection(page, Team.of, lambda: teams.count_teams(db, parent_id=parent_id))
        await ahead.page(db, found, Wanted.of_field(info), "Team")
        return found

    @strawberry.field(description="Cycles in id order; with parentId, only the quarters of that year.")
    async def cycles(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        parent_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only the quarters of this year; null: every cycle."),
        ] = None,
    ) -> Connection[Cycle]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await cycles.list_cycles(db, parent_id=parent_id, after=cursor, first=size)
        return connection(page, Cycle.of, lambda: cycles.count_cycles(db, parent_id=parent_id))

    @strawberry.field(description="Priorities in id order; with cycleId, only that cycle's.")
    async def priorities(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        cycle_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only the priorities of this cycle; null: every cycle's."),
        ] = None,
    ) -> Connection[Priority]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await priorities.list_priorities(db, cycle_id=cycle_id, after=cursor, first=size)
        return connection(page, Priority.of, lambda: priorities.count_priorities(db, cycle_id=cycle_id))

    @strawberry.field(
        description="Objectives in id order, filtered by cycle, team (with sub-teams), tier, status."
    )
    async def objectives(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        cycle_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only objectives of this cycle, and of the cycles within it unless "
                "includeSubCycles is false; null: any."
            ),
        ] = None,
        include_sub_cycles: Annotated[
            bool,
            strawberry.argument(
                description="With cycleId a year: also its quarters' objectives (the default, as the alignment "
                "and health questions count a year); false: only those set for the year itself."
            ),
        ] = True,
        team_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only objectives owned by this unit or a unit inside it; null: any."
            ),
        ] = None,
        tier: Annotated[
            Tier | None, strawberry.argument(description="Only objectives of this tier; null: both.")
        ] = None,
        status: Annotated[
            ObjectiveStatus | None,
            strawberry.argument(description="Only objectives in this status; null: any."),
        ] = None,
    ) -> Connection[Objective]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        where = objectives.ObjectiveFilter(
            cycle_id=cycle_id,
            team_id=team_id,
            tier=tier,
            status=status,
            include_sub_cycles=include_sub_cycles,
        )
        page = await objectives.list_objectives(db, where=where, after=cursor, first=size)
        found = connection(page, Objective.of, lambda: objectives.count_objectives(db, where=where))
        await ahead.page(db, found, Wanted.of_field(info), "Objective")
        return found

    @strawberry.field(description="Key results in id order; with objectiveId, only that objective's.")
    async def key_results(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        objective_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only the key results of this objective; null: every objective's."
            ),
        ] = None,
    ) -> Connection[KeyResult]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await key_results.list_key_results(db, objective_id=objective_id, after=cursor, first=size)
        found = connection(
            page, KeyResult.of, lambda: key_results.count_key_results(db, objective_id=objective_id)
        )
        await ahead.page(db, found, Wanted.of_field(info), "KeyResult")
        return found

    @strawberry.field(description="Initiatives in id order.")
    async def initiatives(self, info: Info, first: First = 50, after: After = None) -> Connection[Initiative]:
        size, cursor = paging(info, first, after)
        db = info.context.db
        page = await initiatives.list_initiatives(db, after=cursor, first=size)
        return connection(page, Initiative.of, lambda: initiatives.count_initiatives(db))
