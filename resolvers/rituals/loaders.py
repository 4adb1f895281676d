"""Per-request DataLoaders for the OKR cycle: check-ins, confidence series, retrospectives, carry-overs.

Reached with `ritual_loaders(info)`, as planning's are with `planning_loaders(info)`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph.core.db import Database
from graph.core.models import Objective
from graph.core.paging import Page
from graph.rituals import checkins, confidence, cycle_close, retrospectives
from resolvers.core.context import Info

K = TypeVar("K")
V = TypeVar("V")
# A page request: (objective id, first, after as (createdAt, id) or None).
PageKey = tuple[str, int, tuple[dt.datetime, str] | None]
# A team's retrospectives: (team id, cycle id or None for every cycle).
TeamCycle = tuple[str, str | None]


def _loader(fetch: Callable[[list[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
    async def load(keys: list[K]) -> list[V]:
        return await fetch(list(keys))

    return DataLoader(load_fn=load)


class RitualLoaders:
    """The cycle features' DataLoaders of one request: one query per batch, never one per objective."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.check_in_pages: DataLoader[PageKey, Page[checkins.CheckIn]] = _loader(self._check_in_pages)
        self.check_in_count: DataLoader[str, int] = _loader(lambda ids: checkins.count_check_ins(db, ids))
        self.confidence_points: DataLoader[str, list[confidence.ConfidencePoint]] = _loader(
            lambda ids: confidence.confidence_points(db, ids)
        )
        self.objective_retrospectives: DataLoader[str, list[retrospectives.Retrospective]] = _loader(
            lambda ids: retrospectives.retrospectives_of_objectives(db, ids)
        )
        self.team_retrospectives: DataLoader[TeamCycle, list[retrospectives.Retrospective]] = _loader(
            self._team_retrospectives
        )
        self.carried_over_from: DataLoader[str, Objective | None] = _loader(
            lambda ids: cycle_close.carried_over_from(db, ids)
        )

    async def _check_in_pages(self, keys: list[PageKey]) -> list[Page[checkins.CheckIn]]:
        # Objectives asking for the same page size and cursor share one query.
        by_window: dict[tuple[int, tuple[dt.datetime, str] | None], list[str]] = defaultdict(list)
        for objective_id, first, after in keys:
            by_window[(first, after)].append(objective_id)
        pages: dict[PageKey, Page[checkins.CheckIn]] = {}
        for (first, after), ids in by_window.items():
            unique = list(dict.fromkeys(ids))
            for id, page in zip(
                unique, await checkins.check_ins_of(self.db, unique, first=first, after=after), strict=True
            ):
                pages[(id, first, after)] = page
        return [pages[key] for key in keys]

    async def _team_retrospectives(self, keys: list[TeamCycle]) -> list[list[retrospectives.Retrospective]]:
        by_cycle: dict[str | None, list[str]] = defaultdict(list)
        for team_id, cycle_id in keys:
            by_cycle[cycle_id].append(team_id)
        found: dict[TeamCycle, list[retrospectives.Retrospective]] = {}
        for cycle_id, ids in by_cycle.items():
            unique = list(dict.fromkeys(ids))
            lists = await retrospectives.retrospectives_of_teams(self.db, unique, cycle_id=cycle_id)
            found.update(((id, cycle_id), items) for id, items in zip(unique, lists, strict=True))
        return [found[key] for key in keys]


def ritual_loaders(info: Info) -> RitualLoaders:
    """This request's DataLoaders for check-ins, confidence, retrospectives and carry-overs."""
    return info.context.loaders_for(RitualLoaders)
