"""The maintained alignment state always equals a from-scratch answer, after random sequences of writes.

Each example starts from the demo plus last year's strategy (a 2025 cycle, priority and supporting strategic
objective, so chains can end outside the cycle), then applies random creates, links, unlinks, archives and
unarchives, status changes, support changes, cycle date edits and deletes through the public mutation
functions, and team creates, moves and deletes and cycle creates (which change the coverage rows), in their own
transactions, against the real Neo4j. After every step:
- the stored state equals graph/planning/alignment_state.recompute (the whole organisation, from the graph);
- the stored coverage rows (:UnitCoverage) equal those graph/planning/coverage_state.rebuild writes from scratch;
- dependency loops read from the maintained candidates (:DependencyLoop) equal team_dependency_loops_full, for
  every cycle, after random dependency links and unlinks;
- the questions that read the state (orphans, their count, coverage by unit and by priority) answer exactly
  what their *_full.cypher recomputations answer from the graph alone, for this year and its first quarter
  (coverage: for every cycle).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.core.db import Database
from graph.core.errors import DomainError
from graph.core.models import CycleKind, ObjectiveStatus, TeamKind, Tier
from graph.planning import (
    alignment_state,
    coverage_state,
    cycles,
    key_results,
    links,
    objectives,
    priorities,
    teams,
)
from graph.seed.demo import seed_demo

ORG = "org-bank"
TEAM_IDS = "MATCH (t:Team {organisationId: $org, kind: 'TEAM'}) RETURN t.id AS id"
UNIT_IDS = "MATCH (t:Team {organisationId: $org, kind: 'BUSINESS_UNIT'}) RETURN t.id AS id"
ALL_TEAM_IDS = "MATCH (t:Team {organisationId: $org}) RETURN t.id AS id"
# Dependency ends: the team objectives and their key results (dependencies join two teams' work).
ENDS = (
    "MATCH (o:Objective {organisationId: $org, tier: 'TEAM'})-[:HAS_KEY_RESULT*0..1]->(n) RETURN n.id AS id"
)
MOVABLE_IDS = "MATCH (t:Team {organisationId: $org}) WHERE t.kind <> 'COMPANY' RETURN t.id AS id"
CYCLES = ["cycle-2026-q1", "cycle-2026-q2", "cycle-2026", "cycle-2025"]
PRIORITIES = ["prio-onboarding", "prio-small-business", "prio-resilience", "prio-2025"]
STATUSES = [
    ObjectiveStatus.ARCHIVED,
    ObjectiveStatus.ACTIVE,
    ObjectiveStatus.DRAFT,
    ObjectiveStatus.COMPLETED,
]
ACTIONS = [
    "create",
    "link",
    "link",
    "link",
    "unlink",
    "status",
    "status",
    "support",
    "unsupport",
    "cycle",
    "delete",
    "delete_kr",
    "team",
    "move",
    "delete_team",
    "quarter",
    "depend",
    "depend",
    "undepend",
]


async def _ids(db: Database, cypher: str) -> list[str]:
    records, _, _ = await db.driver.execute_query(cypher, org=ORG)
    return sorted(str(r["id"]) for r in records)


async def _base(db: Database) -> None:
    await db.driver.execute_query("MATCH (n) DETACH DELETE n")
    await seed_demo(db)
    await cycles.create_cycle(
        db,
        id="cycle-2025",
        name="2025",
        kind=CycleKind.YEAR,
        start_date=dt.date(2025, 1, 1),
        end_date=dt.date(2025, 12, 31),
        parent_id=None,
        organisation_id=ORG,
    )
    await priorities.create_priority(
        db, id="prio-2025", title="Last year's bet", description=None, cycle_id="cycle-2025"
    )
    await objectives.create_objective(
        db,
        id="obj-2025-strategy",
        title="Last year's strategy",
        description=None,
        tier=Tier.STRATEGIC,
        status=ObjectiveStatus.ACTIVE,
        owner_id="bu-digital",
        cycle_id="cycle-2025",
    )
    await links.link_support(db, objective_id="obj-2025-strategy", priority_id="prio-2025")


async def _step(db: Database, data: st.DataObject, n: int) -> None:
    action = data.draw(st.sampled_from(ACTIONS), label="action")
    objective_ids = await _ids(db, "MATCH (o:Objective {organisationId: $org}) RETURN o.id AS id")
    pick = st.sampled_from(objective_ids)
    if action == "create":
        tier = data.draw(st.sampled_from([Tier.TEAM, Tier.TEAM, Tier.STRATEGIC]), label="tier")
        await objectives.create_objective(
            db,
            id=f"obj-new-{n}",
            title=f"New {n}",
            description=None,
            tier=tier,
            status=ObjectiveStatus.ACTIVE,
            owner_id=data.draw(
                st.sampled_from(await _ids(db, TEAM_IDS if tier is Tier.TEAM else UNIT_IDS)), label="owner"
            ),
            cycle_id=data.draw(st.sampled_from(CYCLES), label="cycle"),
        )
    elif action == "link":
        krs = await _ids(db, "MATCH (k:KeyResult {organisationId: $org}) RETURN k.id AS id")
        parent = data.draw(st.one_of(pick, st.sampled_from(krs)), label="parent")
        await links.link_contribution(
            db,
            child_id=data.draw(pick, label="child"),
            parent_id=parent,
            weight=1.0,
            counts_toward_progress=True,
        )
    elif action == "unlink":
        edges, _, _ = await db.driver.execute_query(
            "MATCH (o:Objective {organisationId: $org})-[:CONTRIBUTES_TO]->(p) RETURN o.id AS c, p.id AS p "
            "ORDER BY c, p",
            org=ORG,
        )
        if edges:
            edge = data.draw(st.sampled_from(edges), label="edge")
            await links.unlink_contribution(db, child_id=edge["c"], parent_id=edge["p"])
    elif action == "status":
        status = data.draw(st.sampled_from(STATUSES), label="status")
        await objectives.update_objective(
            db, id=data.draw(pick, label="objective"), changes={"status": status}
        )
    elif action in ("support", "unsupport"):
        objective = data.draw(pick, label="objective")
        priority = data.draw(st.sampled_from(PRIORITIES), label="priority")
        if action == "support":
            await links.link_support(db, objective_id=objective, priority_id=priority)
        else:
            await links.unlink_support(db, objective_id=objective, priority_id=priority)
    elif action == "cycle":
        # Stretching last year over this one makes its strategy cover this year's objectives, and back again.
        end = data.draw(st.sampled_from([dt.date(2025, 12, 31), dt.date(2026, 12, 31)]), label="end")
        await cycles.update_cycle(db, id="cycle-2025", changes={"endDate": end})
    elif action == "delete":
        await objectives.delete_objective(db, id=data.draw(pick, label="objective"))
    elif action == "team":
        kind = data.draw(
            st.sampled_from([TeamKind.TEAM, TeamKind.TEAM, TeamKind.BUSINESS_UNIT]), label="kind"
        )
        parents = await _ids(db, UNIT_IDS if kind is TeamKind.BUSINESS_UNIT else ALL_TEAM_IDS)
        await teams.create_team(
            db,
            id=f"team-new-{n}",
            name=f"Team {n}",
            kind=kind,
            organisation_id=ORG,
            parent_id=data.draw(st.sampled_from(parents), label="parent"),
        )
    elif action == "move":
        moved = data.draw(st.sampled_from(await _ids(db, MOVABLE_IDS)), label="team")
        parent = data.draw(st.sampled_from(await _ids(db, ALL_TEAM_IDS)), label="parent")
        await teams.update_team(db, id=moved, name=None, parent_id=parent)
    elif action == "delete_team":
        await teams.delete_team(db, id=data.draw(st.sampled_from(await _ids(db, MOVABLE_IDS)), label="team"))
    elif action == "quarter":
        month = data.draw(st.sampled_from([1, 4, 7, 10]), label="month")
        await cycles.create_cycle(
            db,
            id=f"cycle-new-{n}",
            name=f"2025 from month {month}",
            kind=CycleKind.QUARTER,
            start_date=dt.date(2025, month, 1),
            end_date=dt.date(2025, month + 2, 28),
            parent_id="cycle-2025",
        )
    elif action == "depend":
        ends = await _ids(db, ENDS)
        await links.link_dependency(
            db,
            from_id=data.draw(st.sampled_from(ends), label="from"),
            to_id=data.draw(st.sampled_from(ends), label="to"),
            note=None,
        )
    elif action == "undepend":
        edges, _, _ = await db.driver.execute_query(
            "MATCH (a {organisationId: $org})-[:DEPENDS_ON]->(b) RETURN a.id AS a, b.id AS b ORDER BY a, b",
            org=ORG,
        )
        if edges:
            edge = data.draw(st.sampled_from(edges), label="dependency")
            await links.unlink_dependency(db, from_id=edge["a"], to_id=edge["b"])
    else:
        krs = await _ids(
            db, "MATCH (k:KeyResult {organisationId: $org})<-[:CONTRIBUTES_TO]-() RETURN DISTINCT k.id AS id"
        )
        if krs:
            await key_results.delete_key_result(db, id=data.draw(st.sampled_from(krs), label="kr"))


async def _coverage_rows(db: Database) -> list[dict[str, Any]]:
    records, _, _ = await db.driver.execute_query(
        "MATCH (r:UnitCoverage {organisationId: $org}) RETURN r {.*} AS row ORDER BY r.unitId, r.cycleId",
        org=ORG,
    )
    return [{**r["row"], "idleTeams": sorted(r["row"]["idleTeams"])} for r in records]


async def _stored(db: Database) -> dict[str, alignment_state.Reach]:
    records, _, _ = await db.driver.execute_query(
        "MATCH (o:Objective {organisationId: $org}) RETURN o.id AS id, o.alignCycles AS c, o.alignPriorities AS p",
        org=ORG,
    )
    return {r["id"]: (frozenset(r["c"]), frozenset(r["p"])) for r in records}


def _rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=repr)


async def _check(db: Database) -> None:
    assert await _stored(db) == await alignment_state.recompute(db, ORG)
    maintained_rows = await _coverage_rows(db)
    await db.write(lambda tx: coverage_state.rebuild(tx, ORG))
    assert maintained_rows == await _coverage_rows(db)
    for cycle, units in (("cycle-2026-q1", (None, "bu-digital")), ("cycle-2026", (None,))):
        for unit in units:
            params = {"cycleId": cycle, "unitId": unit, "after": None, "first": None}
            maintained = await db.read("alignment/orphaned_objectives", **params)
            assert maintained == await db.read("alignment/orphaned_objectives_full", **params), (cycle, unit)
            count = await db.read("alignment/count_orphaned_objectives", cycleId=cycle, unitId=unit)
            assert count[0]["total"] == len(maintained)
    for cycle in await _ids(db, "MATCH (c:Cycle {organisationId: $org}) RETURN c.id AS id"):
        loops = await db.read("alignment/team_dependency_loops", cycleId=cycle)
        assert loops == await db.read("alignment/team_dependency_loops_full", cycleId=cycle), cycle
        for question in ("coverage_by_unit", "coverage_by_priority"):
            maintained = await db.read(f"alignment/{question}", cycleId=cycle)
            full = await db.read(f"alignment/{question}_full", cycleId=cycle)
            assert _rows(maintained) == _rows(full), (question, cycle)


@pytest.mark.asyncio
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_maintained_state_equals_recomputation_after_random_writes(
    db: Database, data: st.DataObject
) -> None:
    await _base(db)
    await _check(db)
    for n in range(data.draw(st.integers(min_value=1, max_value=8), label="steps")):
        # A refused write (a loop, a tier, a cycle rule) rolls back: the state must still agree.
        with contextlib.suppress(DomainError):
            await _step(db, data, n)
        await _check(db)


async def test_rebuild_repairs_state_written_around_the_service(db: Database) -> None:
    await _base(db)
    # Another tool writes straight in Cypher: a new link that aligns an orphan, and every label wiped.
    await db.driver.execute_query(
        "MATCH (o:Objective {id: 'obj-sre-q1'}), (p:Objective {id: 'obj-platform-resilience'}) "
        "MERGE (o)-[:CONTRIBUTES_TO]->(p) WITH 1 AS one MATCH (k:Orphaned) REMOVE k:Orphaned"
    )
    params = {"cycleId": "cycle-2026-q1", "unitId": None, "after": None, "first": None}
    assert await db.read("alignment/orphaned_objectives", **params) == []
    assert await db.read("alignment/orphaned_objectives_full", **params) != []
    done = await alignment_state.rebuild_organisations(db, ORG)
    assert done == {ORG: len(await alignment_state.recompute(db, ORG))}
    await _check(db)
