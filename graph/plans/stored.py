"""What the graph holds now, as plan items: the organisation's units, OKRs, links and history, its cycles
and priorities. Import compares a plan with it; export writes it out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from graph.core.db import Reader
from graph.plans.models import (
    CheckInItem,
    ContributionItem,
    CycleItem,
    DependencyItem,
    History,
    InitiativeItem,
    KeyResultItem,
    MeasurementItem,
    ObjectiveItem,
    OrganisationItem,
    PriorityItem,
    RetrospectiveItem,
    SupportItem,
    TeamItem,
)


@dataclass
class Stored:
    """One organisation as stored, keyed by id (links by their two ends)."""

    organisation: OrganisationItem | None = None
    teams: dict[str, TeamItem] = field(default_factory=dict)
    cycles: dict[str, CycleItem] = field(default_factory=dict)
    closed: set[str] = field(default_factory=set)  # CLOSED cycles
    priorities: dict[str, PriorityItem] = field(default_factory=dict)
    objectives: dict[str, ObjectiveItem] = field(default_factory=dict)  # with their key results
    key_results: dict[str, tuple[str, KeyResultItem]] = field(default_factory=dict)  # id -> (objective, KR)
    initiatives: dict[str, InitiativeItem] = field(default_factory=dict)  # with the org's KRs they advance
    contributions: dict[tuple[str, str], ContributionItem] = field(default_factory=dict)
    supports: dict[tuple[str, str], SupportItem] = field(default_factory=dict)
    dependencies: dict[tuple[str, str], DependencyItem] = field(default_factory=dict)
    history: History = field(default_factory=History)
    foreign: dict[str, str] = field(default_factory=dict)  # a plan id -> "Team of organisation 'x'"
    history_keys: set[str] = field(default_factory=set)  # the keys stored history items were written with


_TEAMS = TypeAdapter(list[TeamItem])
_OBJECTIVES = TypeAdapter(list[ObjectiveItem])
_KEY_RESULTS = TypeAdapter(list[KeyResultItem])
# plans/read_key_results's columns, in the order of its lists; key_results.csv has the same (export.py).
KEY_RESULT_COLUMNS = (
    "id",
    "objectiveId",
    "title",
    "kind",
    "direction",
    "unit",
    "baseline",
    "target",
    "current",
    "done",
    "weight",
    "externalKey",
)
_CONTRIBUTIONS = TypeAdapter(list[ContributionItem])
_DEPENDENCIES = TypeAdapter(list[DependencyItem])
_INITIATIVES = TypeAdapter(list[InitiativeItem])


async def _items(db: Reader, name: str, **params: object) -> list[dict[str, Any]]:
    rows = await db.read(name, **params)
    return list(rows[0]["items"]) if rows else []


async def read_stored(
    db: Reader,
    organisation_id: str,
    *,
    history: bool = False,
    initiative_ids: Sequence[str] = (),
    plan_ids: Mapping[str, Sequence[str]] | None = None,
) -> Stored:
    """Read the organisation (all of it), its cycles and priorities, the initiatives named or advancing its key
    results, with `history` its measurements, check-ins and retrospectives, and which `plan_ids` (per kind:
    teams, cycles, priorities, initiatives, alignables) another organisation holds as the same kind."""
    stored = Stored()
    org = await db.read("plans/read_organisation", organisationId=organisation_id)
    if org:
        stored.organisation = OrganisationItem.model_validate(org[0]["organisation"])
    for row in await _items(db, "plans/read_cycles", organisationId=organisation_id):
        if row.pop("status") == "CLOSED":
            stored.closed.add(str(row["id"]))
        cycle = CycleItem.model_validate(row)
        stored.cycles[cycle.id] = cycle
    stored.priorities = {
        p.id: p
        for p in (
            PriorityItem.model_validate(r)
            for r in await _items(db, "plans/read_priorities", organisationId=organisation_id)
        )
    }
    if stored.organisation is not None:
        await _organisation(db, stored, organisation_id)
    links = await db.read("plans/read_links", organisationId=organisation_id) if stored.organisation else []
    advances = list(links[0]["advances"]) if links else []
    ids = sorted({*initiative_ids, *(str(a["initiativeId"]) for a in advances)})
    rows = await _items(db, "plans/read_initiatives", ids=ids, organisationId=organisation_id)
    stored.initiatives = {i.id: i for i in _INITIATIVES.validate_python(rows)}
    for advance in advances:
        stored.initiatives[str(advance["initiativeId"])].advances.append(str(advance["keyResultId"]))
    if links:
        for c in _CONTRIBUTIONS.validate_python(links[0]["contributions"]):
            stored.contributions[(c.child_id, c.parent_id)] = c
        for row in links[0]["supports"]:
            s = SupportItem.model_validate(row)
            stored.supports[(s.objective_id, s.priority_id)] = s
        for d in _DEPENDENCIES.validate_python(links[0]["dependencies"]):
            stored.dependencies[(d.from_id, d.to_id)] = d
    if history and stored.organisation is not None:
        stored.history = await _history(db, organisation_id, stored.history_keys)
    if plan_ids:
        await _foreign(db, stored, organisation_id, plan_ids)
    return stored


# The kinds each section of a plan writes its ids as (objectives and key results share theirs: links name either).
_KINDS = {
    "organisation": ["Organisation"],
    "teams": ["Team"],
    "cycles": ["Cycle"],
    "priorities": ["Priority"],
    "initiatives": ["Initiative"],
    "alignables": ["Objective", "KeyResult"],
}


async def _foreign(
    db: Reader, stored: Stored, organisation_id: str, plan_ids: Mapping[str, Sequence[str]]
) -> None:
    """Which new ids of the plan another object holds: one of their own kind in another organisation, or one of
    another kind anywhere (only a new id can: a stored one is the organisation's, of that kind)."""
    held: dict[str, Collection[str]] = {
        "organisation": [] if stored.organisation is None else [organisation_id],
        "teams": stored.teams,
        "cycles": stored.cycles,
        "priorities": stored.priorities,
        "initiatives": stored.initiatives,
        "alignables": stored.objectives.keys() | stored.key_results.keys(),
    }
    items = [
        {"id": id, "kinds": _KINDS[kind]}
        for kind, ids in held.items()
        for id in plan_ids.get(kind, ())
        if id not in ids
    ]
    if not items:
        return
    rows = await db.read("plans/find_foreign", organisationId=organisation_id, items=items)
    for row in rows:
        stored.foreign[row["id"]] = f"{row['kind']} of organisation {row['organisationId']!r}"


async def _organisation(db: Reader, stored: Stored, organisation_id: str) -> None:
    # One validation per list: the rows are the graph's own, and 100,000 calls cost more than the checks.
    rows = await _items(db, "plans/read_teams", organisationId=organisation_id)
    stored.teams = {t.id: t for t in _TEAMS.validate_python(rows)}
    rows = await _items(db, "plans/read_objectives", organisationId=organisation_id)
    stored.objectives = {o.id: o for o in _OBJECTIVES.validate_python(rows)}
    found = await db.read("plans/read_key_results", organisationId=organisation_id)
    lists: list[list[Any]] = list(found[0]["items"]) if found else []
    fields = [dict(zip(KEY_RESULT_COLUMNS, row, strict=True)) for row in lists]
    owners = [str(row.pop("objectiveId")) for row in fields]
    for owner, kr in zip(owners, _KEY_RESULTS.validate_python(fields), strict=True):
        stored.key_results[kr.id] = (owner, kr)
        stored.objectives[owner].key_results.append(kr)


async def _history(db: Reader, organisation_id: str, keys: set[str]) -> History:
    rows = await db.read("plans/read_history", organisationId=organisation_id)
    if not rows:
        return History()
    row = rows[0]

    def plain(item: dict[str, Any]) -> dict[str, Any]:
        key = item.pop("idempotencyKey", None)
        if key is not None:
            keys.add(key)
        return {k: v for k, v in item.items() if v is not None}

    return History(
        measurements=[MeasurementItem.model_validate(plain(m)) for m in row["measurements"]],
        check_ins=[CheckInItem.model_validate(plain(c)) for c in row["checkIns"]],
        retrospectives=[RetrospectiveItem.model_validate(plain(r)) for r in row["retrospectives"]],
    )
