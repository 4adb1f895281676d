"""Look-ahead loading (issue 16): the read fields that return objectives, teams or key results load every level
the query selects below them before they return.

Each planned relation (RELATIONS) is one named query for all the objects of a level, keyed by what the parent
already holds; the relations of one level, and the branches below them, run at once (asyncio.gather over the
driver's pool), so a level waits only for the one it hangs from. The loaded values become plain attributes on
the objects (resolvers/core/selection.py's `answer_ahead`), so a nested field costs an attribute read: no
coroutine and no DataLoader call per object. A field the plan does not know, or an object built elsewhere (a
mutation's answer), resolves through the DataLoaders as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import strawberry

from graph.core.db import Database
from graph.planning import cycles, objectives, organisations, teams
from resolvers.core.pagination import Connection
from resolvers.core.selection import Wanted, ahead_attr, answer_ahead
from resolvers.planning import ahead_reads as reads
from resolvers.planning.ahead_reads import Fetch, Fields
from resolvers.planning.okrs import Contribution, KeyResult, Objective
from resolvers.planning.units import Cycle, Organisation, Team

T = TypeVar("T")
# Off: every field resolves through its DataLoader, as before look-ahead (tests compare the answers).
ENABLED = True
_LEAVE = object()  # a value the plan leaves to the field's own resolver (e.g. a dangling id: NOT_FOUND)


@dataclass(frozen=True, eq=False)
class Relation:
    """Fields of one type loaded by one query per level: `fills` maps each field to how its value is built."""

    key: Callable[[Any], str | None]
    fetch: Fetch
    fills: Mapping[str, Callable[[Any], Any]]
    # Keyed by the parent's own id: for a lookup by id it runs alongside the lookup itself.
    early: bool = False
    members: frozenset[str] = frozenset()  # the types of a union field's objects


def _plain(fetch: Callable[[Database, list[str]], Awaitable[Sequence[Any]]]) -> Fetch:
    async def run(db: Database, keys: list[str], _: Fields) -> Sequence[Any]:
        return await fetch(db, keys)

    return run


def _one(build: Callable[[Any], T]) -> Callable[[Any], T | object]:
    return lambda found: _LEAVE if found is None else build(found)


def _each(build: Callable[[Any], T]) -> Callable[[list[Any]], list[T]]:
    return lambda found: [build(m) for m in found]


RELATIONS: dict[type, tuple[Relation, ...]] = {
    Objective: (
        # Keyed by the objective: a lookup by id reads its owner in the same round trip.
        Relation(lambda o: o.id, _plain(teams.owners_of_objectives), {"owner": _one(Team.of)}, early=True),
        Relation(lambda o: o.cycle_id, _plain(cycles.get_cycles), {"cycle": _one(Cycle.of)}),
        Relation(
            lambda o: o.id,
            reads.key_results_of,
            {"keyResults": reads.key_result_list, "progress": reads.progress},
            early=True,
        ),
        Relation(lambda o: o.id, reads.parents_of, {"parents": _each(reads.contribution)}, early=True),
        Relation(
            lambda o: o.id, reads.children_of("children"), {"children": _each(reads.contribution)}, early=True
        ),
    ),
    KeyResult: (
        Relation(
            lambda k: k.objective_id, _plain(objectives.get_objectives), {"objective": _one(Objective.of)}
        ),
    ),
    Team: (
        Relation(
            lambda t: t.id,
            _plain(objectives.objectives_of_teams),
            {"objectives": _each(Objective.of)},
            early=True,
        ),
        Relation(lambda t: t.id, _plain(teams.children_of_teams), {"children": _each(Team.of)}, early=True),
        Relation(lambda t: t.parent_id, _plain(teams.get_teams), {"parent": _one(Team.of)}),
        Relation(
            lambda t: t.organisation_id,
            _plain(organisations.get_organisations),
            {"organisation": _one(Organisation.of)},
        ),
    ),
    Contribution: (
        Relation(lambda c: c.child_id, _plain(objectives.get_objectives), {"child": _one(Objective.of)}),
        Relation(
            lambda c: f"{c.parent_kind}:{c.parent_id}",
            reads.targets,
            {"parent": _one(lambda target: target)},
            members=frozenset(("Objective", "KeyResult")),
        ),
    ),
}


def install(schema: strawberry.Schema) -> None:
    """Make every planned field answer from what was loaded ahead (its resolver still serves the rest)."""
    answer_ahead(schema, [(t.__name__, f) for t, rels in RELATIONS.items() for r in rels for f in r.fills])


def _selected(relation: Relation, fields: Fields) -> dict[str, Wanted]:
    return {name: fields[name] for name in relation.fills if name in fields}


async def fill(
    db: Database, objects: Sequence[Any], fields: Fields, ready: Mapping[Relation, Any] = {}
) -> None:
    """Load every planned relation `fields` selects on `objects` (all of one type), and what lies below."""
    if not objects or not ENABLED:
        return
    work = []
    for relation in RELATIONS.get(type(objects[0]), ()):
        selected = _selected(relation, fields)
        if selected:
            work.append(_relation(db, relation, objects, selected, ready.get(relation)))
    await asyncio.gather(*work)


async def _relation(
    db: Database, relation: Relation, parents: Sequence[Any], selected: dict[str, Wanted], ready: Any
) -> None:
    attrs = [ahead_attr(name) for name in selected]
    if all(attr in p.__dict__ for p in parents for attr in attrs):
        # Already there: the level above read these with its own query (contributions with their ends).
        await _below(
            db, relation, selected, {n: [p.__dict__[ahead_attr(n)] for p in parents] for n in selected}
        )
        return
    keys = list(dict.fromkeys(k for k in map(relation.key, parents) if k is not None))
    values = ready if ready is not None else (await relation.fetch(db, keys, selected) if keys else [])
    found = dict(zip(keys, values, strict=True))
    built: dict[str, list[Any]] = {}
    for name in selected:
        build, attr = relation.fills[name], ahead_attr(name)
        by_key = {key: build(value) for key, value in found.items()}
        for parent in parents:
            key = relation.key(parent)
            value = None if key is None else by_key.get(key, _LEAVE)
            if value is not _LEAVE:
                parent.__dict__[attr] = value
        built[name] = list(by_key.values())
    await _below(db, relation, selected, built)


async def _below(
    db: Database, relation: Relation, selected: dict[str, Wanted], built: dict[str, list[Any]]
) -> None:
    """Fill the objects the relation's fields hold (each once), with what is selected below each field."""
    below: dict[type, tuple[dict[int, Any], dict[str, Wanted]]] = {}
    merged: set[tuple[str, type]] = set()  # the selections merged into `below` (once per field and type)
    for name, values in built.items():
        for value in values:
            for child in value if isinstance(value, list) else [value]:
                if child is None or child is _LEAVE:
                    continue
                kind = type(child)
                if kind not in below:
                    below[kind] = ({}, {})
                seen, wanted = below[kind]
                if (name, kind) not in merged:
                    merged.add((name, kind))
                    for field, deeper in selected[name].for_type(kind.__name__, relation.members).items():
                        wanted.setdefault(field, Wanted()).add_wanted(deeper)
                seen[id(child)] = child
    await asyncio.gather(*(fill(db, list(seen.values()), wanted) for seen, wanted in below.values()))


async def one(
    db: Database, id: str, fetch: Awaitable[T | None], build: Callable[[T], Any], fields: Fields, kind: type
) -> Any:
    """A lookup by id with everything below it: the relations keyed by its id run alongside the lookup."""
    early = [r for r in RELATIONS.get(kind, ()) if ENABLED and r.early and _selected(r, fields)]
    found, *values = await asyncio.gather(fetch, *(r.fetch(db, [id], _selected(r, fields)) for r in early))
    if found is None:
        return None
    built = build(cast(T, found))
    await fill(db, [built], fields, dict(zip(early, values, strict=True)))
    return built


async def page(db: Database, found: Connection[Any], wanted: Wanted, type_name: str) -> None:
    """Load what a connection's `nodes` and `edges { node }` select on its items, and its totalCount, at once."""
    fields = dict(wanted.fields.get("nodes", Wanted()).for_type(type_name))
    edge = wanted.fields.get("edges", Wanted()).for_type("")
    for name, below in edge.get("node", Wanted()).for_type(type_name).items():
        fields.setdefault(name, Wanted()).add_wanted(below)
    work = fill(db, [e.node for e in found.edges], fields)
    if "totalCount" not in wanted.fields:
        await work
        return
    total, _ = await asyncio.gather(found.count(), work)

    async def counted() -> int:
        return total

    found.count = counted
