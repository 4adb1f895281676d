"""One definition of a live objective (cypher/fragments/live.cypher, ObjectiveStatus.live): once a team objective
is archived, every alignment question and the leadership report agree that nothing goes through it."""

from __future__ import annotations

from typing import Any

import pytest

from graph.core.cypher import fragments
from graph.core.db import Database
from graph.core.models import ObjectiveStatus
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

ORPHANS = """query { orphanedObjectives(cycleId: "cycle-2026-q1") { nodes { reason objective { id } } } }"""
PATH = """query($id: ID!) { pathToStrategy(objectiveId: $id) { steps { id } priority { id } } }"""
ROLLUP = (
    """query($id: ID!) { rollup(objectiveId: $id) { rolledUpProgress contributions { childId share } } }"""
)
REPORT = """query($id: ID!) { strategicReport(objectiveId: $id, asOf: "2026-02-15") {
  rolledUpProgress contributors { objective { id } } } }"""
TREE = """query { alignmentTree(rootId: "prio-resilience", depth: 8) { edges { child { id } } } }"""
IMPACT = """query($id: ID!) { impact(id: $id) { priorities { id } strategicObjectives { id } teamObjectives { id } } }"""


async def questions(gql: GraphQL) -> dict[str, Any]:
    """What each alignment question says about obj-sre-drills, which contributes only to obj-sre-q1."""
    orphans = await gql.ok(ORPHANS)
    path = await gql.ok(PATH, id="obj-sre-drills")
    rollup = await gql.ok(ROLLUP, id="obj-platform-resilience")
    report = await gql.ok(REPORT, id="obj-platform-resilience")
    impact = await gql.ok(IMPACT, id="obj-sre-drills")
    tree = await gql.ok(TREE)
    return {
        "orphan": {n["objective"]["id"]: n["reason"] for n in orphans["orphanedObjectives"]["nodes"]}.get(
            "obj-sre-drills"
        ),
        "paths": [[s["id"] for s in p["steps"]] for p in path["pathToStrategy"]],
        "rolled": sorted({c["childId"] for c in rollup["rollup"]["contributions"]}),
        "rolledUp": rollup["rollup"]["rolledUpProgress"],
        "reported": sorted(c["objective"]["id"] for c in report["strategicReport"]["contributors"]),
        "reportRolledUp": report["strategicReport"]["rolledUpProgress"],
        "impacted": sorted(g["id"] for kind in impact["impact"].values() for g in kind),
        "tree": {e["child"]["id"] for e in tree["alignmentTree"]["edges"]},
    }


async def test_an_archived_team_objective_counts_in_no_alignment_question(gql: GraphQL) -> None:
    await gql.ok(
        """mutation { createObjective(input: {id: "obj-sre-drills", title: "Drill every failover", tier: TEAM,
                      ownerId: "team-sre", cycleId: "cycle-2026-q1", status: ACTIVE}) { id } }"""
    )
    await gql.ok(
        'mutation { linkContribution(childId: "obj-sre-drills", parentId: "obj-sre-q1") { weight } }'
    )
    before = await questions(gql)
    assert before["orphan"] is None
    assert ["obj-sre-drills", "obj-sre-q1", "obj-platform-resilience", "prio-resilience"] in before["paths"]
    assert {"obj-sre-q1", "obj-sre-drills"} <= set(before["rolled"])
    assert "obj-sre-q1" in before["reported"]
    assert {"obj-sre-q1", "obj-platform-resilience", "prio-resilience"} <= set(before["impacted"])
    assert {"obj-sre-q1", "obj-sre-drills"} <= before["tree"]

    await gql.ok('mutation { archiveObjective(id: "obj-sre-q1") { id } }')
    after = await questions(gql)
    assert after["orphan"] == "CHAIN_BROKEN"
    assert after["paths"] == []  # no path through the archived objective, as orphanedObjectives says
    assert not {"obj-sre-q1", "obj-sre-drills"} & set(after["rolled"])
    assert not {"obj-sre-q1", "obj-sre-drills"} & set(after["reported"])
    assert after["rolledUp"] == after["reportRolledUp"]
    assert after["impacted"] == []
    assert not {"obj-sre-q1", "obj-sre-drills"} & after["tree"]
    assert "obj-platform-resilience" in after["tree"]
    # The archived objective itself has no path either: it is out of alignment, not orphaned.
    assert (await gql.ok(PATH, id="obj-sre-q1"))["pathToStrategy"] == []


async def test_the_cypher_and_python_definitions_agree(db: Database) -> None:
    live = fragments()["live"].expand(["node"], used_in="tests")
    for status in [*ObjectiveStatus, None]:
        result = await db.driver.execute_query(
            f"WITH {{status: $status}} AS node RETURN {live} AS live", status=status
        )
        expected = True if status is None else status.live  # a key result has no status: live
        assert result.records[0]["live"] is expected, status
