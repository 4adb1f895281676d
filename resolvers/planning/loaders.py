"""Per-request DataLoaders: one Cypher query per batch, results in key order."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph.core.db import Database
from graph.core.models import (
    Contribution,
    Cycle,
    Dependency,
    Initiative,
    KeyResult,
    Objective,
    Organisation,
    Priority,
    Team,
)
from graph.planning import (
    cycles,
    initiatives,
    key_results,
    links,
    objectives,
    organisations,
    priorities,
    teams,
)
from resolvers.core.context import Info

V = TypeVar("V")


def _loader(db: Database, fetch: Callable[[Database, list[str]], Awaitable[list[V]]]) -> DataLoader[str, V]:
    async def load(keys: list[str]) -> list[V]:
        return await fetch(db, list(keys))

    return DataLoader(load_fn=load)


class PlanningLoaders:
    """The planning DataLoaders of one request, named <node>_by_<key>: one query per batch."""

    def __init__(self, db: Database) -> None:
        make = partial(_loader, db)
        self.organisation_by_id: DataLoader[str, Organisation | None] = make(organisations.get_organisations)
        self.team_by_id: DataLoader[str, Team | None] = make(teams.get_teams)
        self.teams_by_parent: DataLoader[str, list[Team]] = make(teams.children_of_teams)
        self.cycle_by_id: DataLoader[str, Cycle | None] = make(cycles.get_cycles)
        self.cycles_by_parent: DataLoader[str, list[Cycle]] = make(cycles.sub_cycles_of)
        self.priority_by_id: DataLoader[str, Priority | None] = make(priorities.get_priorities)
        self.objective_by_id: DataLoader[str, Objective | None] = make(objectives.get_objectives)
        self.objectives_by_owner: DataLoader[str, list[Objective]] = make(objectives.objectives_of_teams)
        self.key_result_by_id: DataLoader[str, KeyResult | None] = make(key_results.get_key_results)
        self.key_results_by_objective: DataLoader[str, list[KeyResult]] = make(
            key_results.key_results_of_objectives
        )
        self.initiative_by_id: DataLoader[str, Initiative | None] = make(initiatives.get_initiatives)
        self.contributions_by_child: DataLoader[str, list[Contribution]] = make(links.contributions_from)
        self.contributions_by_parent: DataLoader[str, list[Contribution]] = make(links.contributions_to)
        self.priorities_by_objective: DataLoader[str, list[Priority]] = make(links.priorities_supported_by)
        self.objectives_by_priority: DataLoader[str, list[Objective]] = make(links.objectives_supporting)
        self.dependencies_by_source: DataLoader[str, list[Dependency]] = make(links.dependencies_from)
        self.dependencies_by_target: DataLoader[str, list[Dependency]] = make(links.dependencies_to)
        self.initiatives_by_key_result: DataLoader[str, list[Initiative]] = make(links.initiatives_advancing)
        self.key_results_by_initiative: DataLoader[str, list[KeyResult]] = make(links.key_results_advanced_by)


def planning_loaders(info: Info) -> PlanningLoaders:
    """This request's planning DataLoaders."""
    return info.context.loaders_for(PlanningLoaders)
