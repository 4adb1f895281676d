"""A plan: one organisation's OKRs as a document (YAML, or CSV sheets), and the JSON Schema made from it.

Field names are the GraphQL API's (camelCase); ids are the user's own, stable strings. docs/PLAN_FORMAT.md
describes every field; `aligngraph plan schema` writes docs/plan.schema.json from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from graph.core.models import (
    CycleKind,
    Direction,
    InitiativeStatus,
    KeyResultKind,
    ObjectiveStatus,
    RollupMethod,
    TeamKind,
    Tier,
)
from graph.rituals.retrospectives import RetrospectiveKind

SCHEMA_ID = "https://alignment-graph.example/plan.schema.json"


class Item(BaseModel):
    """Every plan item: camelCase fields, no unknown ones, numbers in a text field taken as text."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=to_camel, populate_by_name=True, coerce_numbers_to_str=True
    )


class OrganisationItem(Item):
    """The whole company: it holds the vision."""

    id: str = Field(description="The organisation's id.")
    name: str = Field(description="Its name, 1-200 characters.")
    vision: str | None = Field(None, description="The vision the priorities serve.")
    objective_limit: int | None = Field(
        None, description="The most objectives a team should own in one cycle (1-50); null for the default."
    )


class TeamItem(Item):
    """A unit that owns OKRs: the company, a business unit or a team, in a tree."""

    id: str = Field(description="The unit's id.")
    name: str = Field(description="Its name.")
    kind: TeamKind = Field(description="COMPANY, BUSINESS_UNIT or TEAM.")
    parent_id: str | None = Field(None, description="The unit it sits in; null only for the COMPANY.")


class CycleItem(Item):
    """A time box: a YEAR, or a QUARTER within a year."""

    id: str = Field(description="The cycle's id.")
    name: str = Field(description="Its name, e.g. 'Q1 2026'.")
    kind: CycleKind = Field(description="YEAR or QUARTER.")
    start_date: dt.date = Field(description="First day (YYYY-MM-DD).")
    end_date: dt.date = Field(description="Last day, after startDate.")
    parent_id: str | None = Field(None, description="The YEAR a QUARTER sits in.")


class PriorityItem(Item):
    """A strategic priority of one year."""

    id: str = Field(description="The priority's id.")
    title: str = Field(description="What the organisation most wants this year.")
    description: str | None = Field(None, description="More words on it.")
    cycle_id: str = Field(description="The YEAR cycle.")


class KeyResultItem(Item):
    """A measurable result of its objective."""

    id: str = Field(description="The key result's id.")
    title: str = Field(description="The movement, e.g. 'Onboarding completion from 65% to 90%'.")
    kind: KeyResultKind = Field(KeyResultKind.METRIC, description="METRIC, MILESTONE or KBI.")
    direction: Direction | None = Field(None, description="Which way the metric should move.")
    unit: str | None = Field(None, description="The unit, e.g. '%'.")
    baseline: float | None = Field(None, description="Where the metric started.")
    target: float | None = Field(None, description="Where it should get to.")
    current: float | None = Field(
        None, description="Its value now; a new or changed value is recorded as a measurement."
    )
    done: bool = Field(False, description="Whether a MILESTONE is reached.")
    weight: float = Field(1.0, description="Its weight in the objective's progress, above 0.")
    external_key: str | None = Field(None, description="An integration's key for pushing values.")


class ObjectiveItem(Item):
    """A qualitative goal owned by one unit in one cycle, with its key results."""

    id: str = Field(description="The objective's id.")
    title: str = Field(description="The goal.")
    description: str | None = Field(None, description="More words on it.")
    tier: Tier = Field(description="STRATEGIC (company or business unit) or TEAM.")
    status: ObjectiveStatus = Field(
        ObjectiveStatus.ACTIVE, description="DRAFT, ACTIVE, COMPLETED or ARCHIVED."
    )
    owner_id: str = Field(description="The unit that owns it.")
    cycle_id: str = Field(description="The cycle it is set for.")
    confidence: int | None = Field(None, description="How confident the owners are, 0-10.")
    rollup: RollupMethod = Field(RollupMethod.MEAN, description="How contributors' progress rolls up.")
    key_results: list[KeyResultItem] = Field(default_factory=list, description="Its key results.")


class InitiativeItem(Item):
    """Backlog work (an epic, a project) that advances key results."""

    id: str = Field(description="The initiative's id.")
    title: str = Field(description="What the work is.")
    url: str | None = Field(None, description="Its page in an outside tracker (http or https).")
    status: InitiativeStatus = Field(
        InitiativeStatus.PLANNED, description="PLANNED, IN_PROGRESS, DONE or CANCELLED."
    )
    advances: list[str] = Field(default_factory=list, description="Ids of the key results it advances.")


class ContributionItem(Item):
    """Vertical alignment: an objective contributes to a higher objective or key result."""

    child_id: str = Field(description="The contributing objective.")
    parent_id: str = Field(description="The objective or key result it contributes to.")
    weight: float = Field(1.0, description="Its weight in the parent's roll-up, above 0.")
    counts_toward_progress: bool = Field(True, description="Whether it counts in the parent's progress.")


class SupportItem(Item):
    """A strategic objective supports a priority of its year."""

    objective_id: str = Field(description="The strategic objective.")
    priority_id: str = Field(description="The priority.")


class DependencyItem(Item):
    """Horizontal alignment: an objective or key result depends on another team's."""

    from_id: str = Field(description="The objective or key result that waits.")
    to_id: str = Field(description="The other team's objective or key result it needs.")
    note: str | None = Field(None, description="What is needed, up to 1,000 characters.")


class MeasurementItem(Item):
    """One past value of a key result."""

    key_result_id: str = Field(description="The key result.")
    value: float = Field(description="The value.")
    observed_at: dt.datetime = Field(description="When it was observed, with a time zone.")
    source: str = Field("plan", description="Where it came from (1-100 characters).")


class CheckInValueItem(Item):
    """A key result's value as a check-in recorded it."""

    key_result_id: str = Field(description="One of the objective's key results.")
    value: float = Field(description="The value.")
    observed_at: dt.datetime | None = Field(None, description="When it was observed (default: createdAt).")


class CheckInItem(Item):
    """A past weekly GRIP check-in of one objective, with its own time and author."""

    objective_id: str = Field(description="The objective.")
    created_at: dt.datetime = Field(description="When it was held, with a time zone.")
    author: str = Field(description="Who recorded it.")
    confidence: int = Field(description="Goal confidence, 0-10.")
    issues: list[str] = Field(default_factory=list, description="What is in the way.")
    plan: str = Field(description="Plan forward.")
    values: list[CheckInValueItem] = Field(default_factory=list, description="Results progress.")


class RetrospectiveItem(Item):
    """A past retrospective of one objective or one team in a cycle."""

    objective_id: str | None = Field(None, description="The objective (or give teamId).")
    team_id: str | None = Field(None, description="The team (or give objectiveId).")
    cycle_id: str | None = Field(None, description="The cycle; required for a team.")
    kind: RetrospectiveKind = Field(description="MID_CYCLE or END.")
    created_at: dt.datetime = Field(description="When it was held, with a time zone.")
    author: str = Field(description="Who recorded it.")
    attractors: list[str] = Field(default_factory=list, description="What pulled towards the OKR.")
    detractors: list[str] = Field(default_factory=list, description="What pushed away from it.")
    learnings: list[str] = Field(default_factory=list, description="What was learned.")
    surprises: list[str] = Field(default_factory=list, description="What surprised the team.")
    changes: list[str] = Field(default_factory=list, description="What it will do differently.")


class History(Item):
    """What happened before the plan was imported: kept idempotent by keys made from each item's content."""

    measurements: list[MeasurementItem] = Field(default_factory=list, description="Past values.")
    check_ins: list[CheckInItem] = Field(default_factory=list, description="Past check-ins.")
    retrospectives: list[RetrospectiveItem] = Field(default_factory=list, description="Past retrospectives.")


class Plan(Item):
    """One organisation's plan: its team tree, cycles, priorities, OKRs, links and (optionally) history."""

    organisation: OrganisationItem = Field(description="The organisation.")
    teams: list[TeamItem] = Field(default_factory=list, description="The unit tree.")
    cycles: list[CycleItem] = Field(default_factory=list, description="Years and quarters.")
    priorities: list[PriorityItem] = Field(default_factory=list, description="Strategic priorities.")
    objectives: list[ObjectiveItem] = Field(default_factory=list, description="Objectives and their KRs.")
    initiatives: list[InitiativeItem] = Field(default_factory=list, description="Backlog work.")
    contributions: list[ContributionItem] = Field(default_factory=list, description="contributes to.")
    supports: list[SupportItem] = Field(default_factory=list, description="supports.")
    dependencies: list[DependencyItem] = Field(default_factory=list, description="depends on.")
    history: History | None = Field(
        None, description="Optional past measurements, check-ins, retrospectives."
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan document, for editors (VS Code's YAML extension) to validate and complete."""
    schema = Plan.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
