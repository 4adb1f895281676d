"""Nested lists are batched: a page of 50 objectives with KRs and owners costs a fixed number of queries."""

from __future__ import annotations

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

SETUP = """
CREATE (org:Organisation {id: 'org', name: 'Org'})
CREATE (c:Cycle {id: 'y', name: '2026', kind: 'YEAR', startDate: date('2026-01-01'), endDate: date('2026-12-31')})
WITH org, c
UNWIND range(1, 60) AS n
CREATE (t:Team {id: 'team-' + n, name: 'Team ' + n, kind: 'TEAM'})-[:BELONGS_TO]->(org)
CREATE (o:Objective {id: 'obj-' + right('00' + n, 3), title: 'Objective ' + n, tier: 'TEAM', status: 'ACTIVE'})
CREATE (o)-[:OWNED_BY]->(t), (o)-[:IN_CYCLE]->(c)
WITH o, n
UNWIND range(1, 3) AS k
CREATE (o)-[:HAS_KEY_RESULT]->(:KeyResult {id: o.id + '-kr' + k, title: 'KR ' + k, kind: 'METRIC',
        direction: 'INCREASE', baseline: 0.0, target: 10.0, current: toFloat(k), weight: 1.0})
"""

PAGE = """
{
  objectives(first: 50) {
    totalCount
    nodes { id progress owner { id name } cycle { id } keyResults { id progress } parents { weight } }
  }
}
"""


async def test_page_of_50_objectives_costs_constant_queries(gql: GraphQL, db: Database) -> None:
    await db.driver.execute_query(SETUP)
    before = db.query_count
    data = await gql.ok(PAGE)
    queries = db.query_count - before

    nodes = data["objectives"]["nodes"]
    assert len(nodes) == 50
    assert data["objectives"]["totalCount"] == 60
    assert all(len(n["keyResults"]) == 3 for n in nodes)
    assert nodes[0]["owner"] == {"id": "team-1", "name": "Team 1"}
    assert nodes[0]["progress"] == pytest.approx(0.2)
    # page + count + owners + cycles + key results + parents: one query each, never one per objective.
    assert queries == 6, queries
