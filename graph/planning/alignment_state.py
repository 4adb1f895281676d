"""Alignment state kept current as it is written: which strategy each objective's chain reaches.

Per objective, `alignCycles` (the cycles of the live STRATEGIC objectives that SUPPORT a priority and that a
CONTRIBUTES_TO chain from it reaches through live objectives) and `alignPriorities` (the priorities those
support), and the label :Orphaned on a live objective that is not aligned (cypher/alignment_state/write_state).
Every write that can change them calls `refresh` with the objectives it touched, inside its own transaction:
that walks down from them (their affected set: nothing above or beside it can change), recomputes the set in
Python from the parents' stored state, and writes it back. `rebuild` recomputes a whole organisation from
scratch (the repair command and the tests' oracle).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from graph.core.db import Database, Reader, Tx
from graph.core.errors import not_found
from graph.planning import coverage_state, dependency_loops

# Ids per query: bounds the size of one UNWIND when a plan import or a rebuild touches a whole organisation.
CHUNK = 5000

Reach = tuple[frozenset[str], frozenset[str]]  # (strategy cycles, priorities)
NOTHING: Reach = (frozenset(), frozenset())


@dataclass
class Node:
    """One objective: what its own reach is computed from."""

    id: str
    parents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Parent:
    """What a parent objective passes down: its own support (a live strategic one that supports priorities)
    and its reach; nothing at all when it is archived."""

    live: bool
    own: Reach
    stored: Reach | None = None


def _own(row: dict[str, Any]) -> Reach:
    if row["tier"] == "STRATEGIC" and row["supports"] and row["cycleId"] is not None:
        return frozenset([row["cycleId"]]), frozenset(row["supports"])
    return NOTHING


def _union(a: Reach, b: Reach) -> Reach:
    return a[0] | b[0], a[1] | b[1]


def solve(nodes: dict[str, Node], parents: dict[str, Parent]) -> dict[str, Reach]:
    """The reach of every node: the union, over its live parents, of their own support and their reach.

    A parent outside `nodes` keeps its stored reach. Parents are processed before their children (Kahn's
    order); the few nodes on a CONTRIBUTES_TO loop, which the link rules refuse but other tools may write, are
    iterated to the least fixpoint.
    """
    reach: dict[str, Reach] = {id: NOTHING for id in nodes}
    waiting = {id: sum(1 for p in node.parents if p in nodes) for id, node in nodes.items()}
    children: dict[str, list[str]] = {}
    for id, node in nodes.items():
        for p in node.parents:
            if p in nodes:
                children.setdefault(p, []).append(id)

    def compute(id: str) -> Reach:
        total = NOTHING
        for p in nodes[id].parents:
            parent = parents.get(p)
            if parent is None or not parent.live:
                continue
            above = reach[p] if p in nodes else (parent.stored or NOTHING)
            total = _union(total, _union(parent.own, above))
        return total

    ready = [id for id, count in waiting.items() if count == 0]
    done: set[str] = set()
    while ready:
        id = ready.pop()
        reach[id] = compute(id)
        done.add(id)
        for child in children.get(id, []):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    looped = [id for id in nodes if id not in done]
    changed = bool(looped)
    while changed:
        changed = False
        for id in looped:
            new = compute(id)
            if new != reach[id]:
                reach[id], changed = new, True
    return reach


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


async def below(reader: Reader, ids: Iterable[str]) -> set[str]:
    """The given objectives and every objective below them (contributing, at any depth)."""
    seen = set(ids)
    frontier = sorted(seen)
    while frontier:
        found: list[str] = []
        for chunk in _chunks(frontier):
            found.extend(row["id"] for row in await reader.read("alignment_state/children_of", ids=chunk))
        frontier = sorted(set(found) - seen)
        seen.update(frontier)
    return seen


def _stored(row: dict[str, Any]) -> Reach | None:
    if row.get("alignCycles") is None:
        return None
    return frozenset(row["alignCycles"]), frozenset(row["alignPriorities"] or [])


async def _write(tx: Tx, reach: dict[str, Reach]) -> None:
    rows = [{"id": id, "cycles": sorted(c), "priorities": sorted(p)} for id, (c, p) in sorted(reach.items())]
    for start in range(0, len(rows), CHUNK):
        await tx.run("alignment_state/write_state", rows=rows[start : start + CHUNK])


async def refresh(tx: Tx, ids: Iterable[str], *, teams: Iterable[str] = ()) -> None:
    """Recompute the alignment state of these objectives and of everything below them, inside `tx`, then the
    coverage rows counting them and the objectives of `teams` (owners whose objectives the write removed)."""
    seeds, owners = sorted(set(ids)), set(teams)
    if not seeds:
        await coverage_state.recount(tx, owners)
        return
    # The organisation's alignment lock (as links/link_contribution takes it), before reading any stored state:
    # two writes that change overlapping chains then refresh one after the other, each seeing the other's state.
    for seed in seeds[:1]:
        await tx.run("links/lock_alignment", id=seed)
    affected = sorted(await below(tx, seeds))
    nodes: dict[str, Node] = {}
    parents: dict[str, Parent] = {}
    for chunk in _chunks(affected):
        for row in await tx.run("alignment_state/read_objectives", ids=chunk):
            nodes[row["id"]] = Node(row["id"], [p["id"] for p in row["parents"]])
            owners.add(row["ownerId"])
            for p in row["parents"]:
                parents[p["id"]] = Parent(p["live"], _own(p), _stored(p))
    await _write(tx, solve(nodes, parents))
    await coverage_state.recount(tx, owners - {None})


async def recompute(reader: Reader, organisation_id: str) -> dict[str, Reach]:
    """Compute every objective's reach in an organisation from scratch, from the graph alone."""
    rows = await reader.read("alignment_state/organisation_objectives", organisationId=organisation_id)
    nodes = {row["id"]: Node(row["id"], list(row["parentIds"])) for row in rows}
    parents = {row["id"]: Parent(row["live"], _own(row)) for row in rows}
    return solve(nodes, parents)


async def rebuild(tx: Tx, organisation_id: str) -> int:
    """Recompute and store the alignment state, coverage rows, dependency sources and loop candidates of a
    whole organisation;
    return how many objectives it holds."""
    reach = await recompute(tx, organisation_id)
    await _write(tx, reach)
    await coverage_state.rebuild(tx, organisation_id)
    await tx.run("alignment_state/label_dependency_sources", organisationId=organisation_id)
    await dependency_loops.rebuild(tx, organisation_id)
    return len(reach)


async def rebuild_organisations(db: Database, organisation_id: str | None) -> dict[str, int]:
    """Rebuild one organisation's alignment state (None: every organisation's), one transaction each; return
    how many objectives each holds."""
    rows = await db.read("alignment_state/organisation_ids", organisationId=organisation_id)
    if organisation_id is not None and not rows:
        raise not_found("organisation", "org", organisation_id)
    done: dict[str, int] = {}
    for row in rows:
        done[row["id"]] = await db.write(partial(rebuild, organisation_id=row["id"]))
    return done


async def rebuild_missing(db: Database) -> dict[str, int]:
    """Rebuild the organisations where some objective has no alignment state (a database written before the
    state existed); the service runs this when it starts, so no answer reads missing state."""
    done: dict[str, int] = {}
    for row in await db.read("alignment_state/organisations_without_state"):
        done[row["id"]] = await db.write(partial(rebuild, organisation_id=row["id"]))
    return done
