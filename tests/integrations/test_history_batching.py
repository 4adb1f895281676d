"""A list of key results asking for history costs a fixed number of queries, whatever its length."""

from __future__ import annotations

from typing import Any

from graph.core.db import Database
from tests.conftest import GraphQL

# Objective "o2" has 2 KRs, "o6" has 6, and "o0" one KR without history; KR n of an objective holds 8 values,
# n*100 + day, observed on days 1..8 of January.
SETUP = """
CREATE (org:Organisation {id: 'org', name: 'Org'})
CREATE (c:Cycle {id: 'y', name: '2026', kind: 'YEAR', startDate: date('2026-01-01'), endDate: date('2026-12-31')})
CREATE (t:Team {id: 'team', name: 'Team', kind: 'TEAM'})-[:BELONGS_TO]->(org)
WITH c, t
UNWIND [['o0', 1], ['o2', 2], ['o6', 6]] AS spec
CREATE (o:Objective {id: spec[0], title: 'Objective ' + spec[0], tier: 'TEAM', status: 'ACTIVE'})
CREATE (o)-[:OWNED_BY]->(t), (o)-[:IN_CYCLE]->(c)
WITH o, spec
UNWIND range(1, spec[1]) AS n
CREATE (o)-[:HAS_KEY_RESULT]->(k:KeyResult {id: o.id + '-kr' + n, title: 'KR ' + n, kind: 'METRIC',
        direction: 'INCREASE', baseline: 0.0, target: 1000.0, weight: 1.0})
WITH k, n, o
UNWIND CASE WHEN o.id = 'o0' THEN [] ELSE range(1, 8) END AS day
CREATE (k)-[:HAS_MEASUREMENT]->(:Measurement {id: k.id + '-m' + day, value: toFloat(n * 100 + day),
        observedAt: datetime('2026-01-01T09:00:00Z') + duration({days: day - 1}),
        receivedAt: datetime('2026-01-10T09:00:00Z'), source: 'test'})
"""
HISTORIES = """
query($id: ID!) {
  objective(id: $id) {
    keyResults {
      id
      history(first: 5) { totalCount pageInfo { hasNextPage } nodes { value } }
      january: history(from: "2026-01-03T00:00:00Z", to: "2026-01-05T00:00:00Z", first: 1) {
        totalCount pageInfo { hasNextPage } nodes { value }
      }
    }
  }
}
"""


async def histories(gql: GraphQL, db: Database, id: str) -> tuple[list[dict[str, Any]], int]:
    before = db.query_count
    data = await gql.ok(HISTORIES, id=id)
    return data["objective"]["keyResults"], db.query_count - before


async def test_two_and_six_key_results_cost_the_same_queries_and_get_their_own_pages(
    gql: GraphQL, db: Database
) -> None:
    await db.driver.execute_query(SETUP)
    two, two_queries = await histories(gql, db, "o2")
    six, six_queries = await histories(gql, db, "o6")
    # objective + key results + (page + count) for each of the two windows: never one per key result.
    assert two_queries == six_queries == 6, (two_queries, six_queries)
    assert len(two) == 2 and len(six) == 6
    for kr in two + six:
        n = int(kr["id"].rsplit("kr", 1)[1])
        assert kr["history"] == {
            "totalCount": 8,
            "pageInfo": {"hasNextPage": True},
            "nodes": [{"value": n * 100 + day} for day in (8, 7, 6, 5, 4)],  # newest observed first
        }
        # Observed on 3 and 4 January: the newest one, and another after it.
        assert kr["january"] == {
            "totalCount": 2,
            "pageInfo": {"hasNextPage": True},
            "nodes": [{"value": n * 100 + 4}],
        }


async def test_a_key_result_without_history_gets_an_empty_page(gql: GraphQL, db: Database) -> None:
    await db.driver.execute_query(SETUP)
    (kr,), _ = await histories(gql, db, "o0")
    assert kr["history"] == {"totalCount": 0, "pageInfo": {"hasNextPage": False}, "nodes": []}


async def test_a_page_after_a_cursor_continues_each_key_results_history(gql: GraphQL, db: Database) -> None:
    await db.driver.execute_query(SETUP)
    first = await gql.ok('{ keyResult(id: "o6-kr3") { history(first: 3) { pageInfo { endCursor } } } }')
    cursor = first["keyResult"]["history"]["pageInfo"]["endCursor"]
    query = """
    query($after: String!) {
      a: keyResult(id: "o6-kr3") { history(first: 3, after: $after) { pageInfo { hasNextPage } nodes { value } } }
      b: keyResult(id: "o6-kr4") { history(first: 3, after: $after) { nodes { value } } }
    }
    """
    data = await gql.ok(query, after=cursor)
    assert data["a"]["history"] == {
        "pageInfo": {"hasNextPage": True},
        "nodes": [{"value": v} for v in (305, 304, 303)],
    }
    # The cursor is a point (observedAt, id): another KR's page starts below the same point, and its
    # measurement of that day sorts after it ("o6-kr4-m6" > "o6-kr3-m6").
    assert data["b"]["history"]["nodes"] == [{"value": v} for v in (405, 404, 403)]
