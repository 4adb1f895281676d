"""GraphQL enums: the domain's own enums, registered with Strawberry (the same classes, so types line up)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition

from graph.core.models import (
    CycleKind,
    CycleStatus,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveStatus,
    RollupMethod,
    TeamKind,
    Tier,
)

E = TypeVar("E", bound=type[Enum])


def describe_enum(cls: E, description: str, values: Mapping[str, str], *, name: str | None = None) -> E:
    """Register a domain enum with Strawberry, with a description of the enum and one of each of its values.

    The enums live in graph/, which knows no Strawberry, so `strawberry.enum_value` cannot describe their
    values there, and `strawberry.enum` takes no value descriptions for an existing enum: they are set on the
    values of the definition it made, before the schema is built. `values` must name every member.
    """
    strawberry.enum(cls, name=name, description=description)
    members = [member.name for member in cls]
    if sorted(values) != sorted(members):
        raise ValueError(f"{cls.__name__}: describe exactly {members}, got {list(values)}")
    for value in _definition(cls).values:
        value.description = values[value.name]
    return cls


def _definition(cls: type[Enum]) -> StrawberryEnumDefinition:
    assert has_enum_definition(cls)
    return cls.__strawberry_definition__


describe_enum(
    TeamKind,
    "Where a unit sits in the organisation tree.",
    {
        "COMPANY": "The whole company: the root of the tree, with no parent.",
        "BUSINESS_UNIT": "A business unit (BU): sits in the company or in another business unit.",
        "TEAM": "A team that writes its own OKRs: sits in the company, a business unit or another team.",
    },
)
describe_enum(
    CycleKind,
    "A year, or a quarter within a year.",
    {
        "YEAR": "A year: priorities and strategic OKRs are set for it; it has no parent cycle.",
        "QUARTER": "A quarter within a year (its parent cycle): team OKRs are usually set for it.",
    },
)
describe_enum(
    CycleStatus,
    "OPEN, or CLOSED: a closed cycle's objectives are frozen.",
    {
        "OPEN": "Its objectives, key results, links and check-ins can still change.",
        "CLOSED": "Closed by closeCycle: edits are CONFLICT and pushed values are REJECTED (CYCLE_CLOSED).",
    },
)
describe_enum(
    Tier,
    "STRATEGIC (company or business unit) or TEAM (tactical) OKRs.",
    {
        "STRATEGIC": "A company or business-unit objective; it supports priorities.",
        "TEAM": "A team's own (tactical) objective; it contributes to strategic objectives or their KRs.",
    },
)
describe_enum(
    ObjectiveStatus,
    "An objective's life cycle; ARCHIVED keeps it out of the way.",
    {
        "DRAFT": "Being written; not committed to yet.",
        "ACTIVE": "Committed to and being worked on in its cycle.",
        "COMPLETED": "Finished; it cannot be carried over to a later cycle.",
        "ARCHIVED": "Kept in the graph but out of coverage; takes no check-ins and no pushed values.",
    },
)
describe_enum(
    KeyResultKind,
    "A metric movement, a milestone, or a KBI.",
    {
        "METRIC": "A movement in a metric from baseline to target, e.g. onboarding completion from 65% to 90%.",
        "MILESTONE": "Done or not done (`done`); progress is 0 or 1.",
        "KBI": "A key behavioural indicator: a measured behaviour moving from baseline to target.",
    },
)
describe_enum(
    Direction,
    "Which way a metric should move; STAY_* are guard-rails around a threshold.",
    {
        "INCREASE": "Current should rise from baseline to target (target above baseline).",
        "DECREASE": "Current should fall from baseline to target (target below baseline).",
        "STAY_AT_OR_ABOVE": "A guard-rail: current should stay at or above target (progress 1 while it does).",
        "STAY_AT_OR_BELOW": "A guard-rail: current should stay at or below target (progress 1 while it does).",
    },
)
describe_enum(
    RollupMethod,
    "How contributions roll up into a parent: MEAN, a weighted mean; SUM, weights are shares of the "
    "parent's target and weighted progress adds up (sales-like targets).",
    {
        "MEAN": "A weighted mean: each contributor counts weight / the sum of its siblings' weights.",
        "SUM": "Each weight is a contributor's share of the parent's target; weighted progress adds up.",
    },
)
describe_enum(
    InitiativeStatus,
    "Where backlog work stands.",
    {
        "PLANNED": "Not started yet.",
        "IN_PROGRESS": "Being worked on.",
        "DONE": "Finished.",
        "CANCELLED": "Stopped; it will not be finished.",
    },
)

__all__ = [
    "CycleKind",
    "CycleStatus",
    "Direction",
    "InitiativeStatus",
    "KeyResultKind",
    "ObjectiveStatus",
    "RollupMethod",
    "TeamKind",
    "Tier",
    "describe_enum",
]
