"""node(id:) and nodes(ids:): any object by its global id, as the right GraphQL type.

One named query (keys/kinds_of, by the shared :Keyed label) says which kind each id names; each object is
then loaded through its own kind's DataLoader, the one its per-type lookup (team(id:), objective(id:), ...)
uses. So node(id:) answers exactly what the per-type lookup answers: another organisation's object is null,
like an id that names nothing. A request costs one query, plus one per kind asked for (batched).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader

from graph.core.db import Database
from graph.core.errors import ValidationError
from graph.core.keys import kinds_of
from graph.integrations.history import get_measurements
from graph.rituals.checkins import get_check_ins
from graph.rituals.retrospectives import get_retrospectives
from resolvers.core.context import Info
from resolvers.core.node import Node
from resolvers.integrations.history import Measurement
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Initiative, KeyResult, Objective
from resolvers.planning.units import Cycle, Organisation, Priority, Team
from resolvers.rituals.checkins import CheckIn
from resolvers.rituals.retrospectives import Retrospective


def _loader(
    db: Database, fetch: Callable[[Database, list[str]], Awaitable[list[Any]]]
) -> DataLoader[str, Any]:
    async def load(keys: list[str]) -> list[Any]:
        return await fetch(db, list(keys))

    return DataLoader(load_fn=load)


class NodeLoaders:
    """The by-id DataLoaders of the kinds no per-type lookup has (check-ins, retrospectives, measurements)."""

    def __init__(self, db: Database) -> None:
        self.check_in_by_id = _loader(db, get_check_ins)
        self.retrospective_by_id = _loader(db, get_retrospectives)
        self.measurement_by_id = _loader(db, get_measurements)


def _loaders(info: Info) -> dict[str, tuple[DataLoader[str, Any], Callable[[Any], Node]]]:
    """Each kind's DataLoader by id, and the GraphQL type that shows what it loads."""
    planning, own = planning_loaders(info), info.context.loaders_for(NodeLoaders)
    return {
        "Organisation": (planning.organisation_by_id, Organisation.of),
        "Team": (planning.team_by_id, Team.of),
        "Cycle": (planning.cycle_by_id, Cycle.of),
        "Priority": (planning.priority_by_id, Priority.of),
        "Objective": (planning.objective_by_id, Objective.of),
        "KeyResult": (planning.key_result_by_id, KeyResult.of),
        "Initiative": (planning.initiative_by_id, Initiative.of),
        "CheckIn": (own.check_in_by_id, CheckIn.of),
        "Retrospective": (own.retrospective_by_id, Retrospective.of),
        "Measurement": (own.measurement_by_id, Measurement.of),
    }


async def load_nodes(info: Info, ids: list[str]) -> list[Node | None]:
    """The object each id names, as its GraphQL type; None for an id naming nothing the caller may see."""
    kinds = await kinds_of(info.context.db, ids)
    loaders = _loaders(info)

    async def one(id: str) -> Node | None:
        kind = kinds.get(id)
        if kind is None or kind not in loaders:
            return None
        loader, show = loaders[kind]
        found = await loader.load(id)
        return None if found is None else show(found)

    return list(await asyncio.gather(*(one(id) for id in ids)))


GlobalId = Annotated[strawberry.ID, strawberry.argument(description="The object's global id (its id).")]
GlobalIds = Annotated[
    list[strawberry.ID],
    strawberry.argument(
        description="The objects' global ids: at most the page size limit (AG_MAX_PAGE_SIZE, 100)."
    ),
]


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="The object with this global id, whatever its kind (ask for fields with `... on Team`); "
        "null when the id names nothing, or an object of another organisation."
    )
    async def node(self, info: Info, id: GlobalId) -> Node | None:
        return (await load_nodes(info, [id]))[0]

    @strawberry.field(
        description="The objects with these global ids, in the order asked, null where an id names nothing "
        "or an object of another organisation."
    )
    async def nodes(self, info: Info, ids: GlobalIds) -> list[Node | None]:
        limit = info.context.settings.max_page_size
        if len(ids) > limit:
            raise ValidationError(
                f"ids holds {len(ids)} ids; at most {limit} (AG_MAX_PAGE_SIZE) per call",
                field="ids",
                value=len(ids),
            )
        return await load_nodes(info, list(ids))
