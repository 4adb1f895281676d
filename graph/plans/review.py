"""Review a plan before it lands (`aligngraph plan check`): the alignment questions and health checks on the
graph as it would be after the import, inside a transaction that is rolled back, set against the same
questions on the graph as it is now.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from graph.alignment.dependencies import DependencyRisk, cross_team_dependencies
from graph.alignment.orphans import (
    OrphanedObjective,
    UnsupportedPriority,
    orphaned_objectives,
    unsupported_strategy,
)
from graph.core.db import Database, Reader, Row, Tx
from graph.health.checks import Finding, HealthThresholds, Severity, health
from graph.plans.document import Document
from graph.plans.service import Outcome, rehearse_plan
from graph.plans.stored import read_stored

RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


class Serial:
    """A Reader that runs one query at a time: a transaction runs its queries in turn."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.lock = asyncio.Lock()

    async def read(self, name: str, /, **params: Any) -> list[Row]:
        async with self.lock:
            return await self.reader.read(name, **params)


@dataclass
class Answers:
    """The questions' answers for one cycle."""

    orphans: list[OrphanedObjective] = field(default_factory=list)
    unsupported: list[UnsupportedPriority] = field(default_factory=list)
    at_risk: list[DependencyRisk] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Review:
    """The plan's answers per cycle, what is stored now, and the import's own outcome (problems, diff)."""

    outcome: Outcome
    after: dict[str, Answers] = field(default_factory=dict)
    before: dict[str, Answers] = field(default_factory=dict)

    def worst(self) -> Severity | None:
        """The most severe finding: orphans and unsupported priorities count as WARNING, at-risk as WARNING."""
        found = [f.severity for a in self.after.values() for f in a.findings]
        if any(a.orphans or a.unsupported or a.at_risk for a in self.after.values()):
            found.append(Severity.WARNING)
        return max(found, key=lambda s: RANK[s]) if found else None


async def answers(db: Reader, cycle_id: str, as_of: dt.date, thresholds: HealthThresholds) -> Answers:
    orphans = await orphaned_objectives(db, cycle_id=cycle_id, unit_id=None, after=None, first=None)
    unsupported = await unsupported_strategy(db, cycle_id=cycle_id)
    risky = await cross_team_dependencies(
        db, cycle_id=cycle_id, team_id=None, at_risk_only=True, as_of=as_of, after=None, first=None
    )
    found = await health(db, cycle_id=cycle_id, unit_id=None, as_of=as_of, thresholds=thresholds)
    return Answers(orphans.items, unsupported.priorities, risky.items, found.findings)


async def review_plan(
    db: Database,
    document: Document,
    *,
    cycle_id: str | None,
    thresholds: HealthThresholds,
    prune: bool = False,
    now: dt.datetime | None = None,
) -> Review:
    """Rehearse the import and answer the questions per cycle (`cycle_id`, or every cycle the plan's objectives
    sit in), after the plan and as stored now."""
    at = now or dt.datetime.now(dt.UTC)

    def cycles(outcome: Outcome, stored: dict[str, str | None]) -> list[str]:
        """The cycle asked for, or the years of the plan's objectives (a year's answers include its quarters)."""
        if cycle_id is not None:
            return [cycle_id]
        assert outcome.plan is not None
        return sorted({stored.get(o.cycle_id) or o.cycle_id for o in outcome.plan.objectives})

    async def after(tx: Tx, outcome: Outcome) -> dict[str, Answers]:
        reader = Serial(tx)
        parents = {c.id: c.parent_id for c in (await read_stored(tx, "", history=False)).cycles.values()}
        return {c: await answers(reader, c, at.date(), thresholds) for c in cycles(outcome, parents)}

    outcome, found = await rehearse_plan(db, document, after, prune=prune, now=at)
    review = Review(outcome=outcome, after=found or {})
    if found:
        review.before = {c: await answers(Serial(db), c, at.date(), thresholds) for c in found}
    return review
