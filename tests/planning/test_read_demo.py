"""Reading the demo organisation over GraphQL: by id, nested fields both ways, progress, pagination."""

from __future__ import annotations

import pytest

from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")


async def test_objective_walks_the_graph_both_ways(gql: GraphQL) -> None:
    data = await gql.ok(
        """
        query($id: ID!) {
          objective(id: $id) {
            title tier owner { id kind parent { id } } cycle { id parent { id } }
            keyResults { id baseline target current progress }
            parents { weight countsTowardProgress parent { ... on Objective { id supports { id } } } }
            dependsOn { note to { ... on KeyResult { id objective { owner { id } } } } }
          }
        }
        """,
        id="obj-discover-q1",
    )
    objective = data["objective"]
    assert objective["tier"] == "TEAM"
    assert objective["owner"] == {"id": "team-discover", "kind": "TEAM", "parent": {"id": "bu-digital"}}
    assert objective["cycle"] == {"id": "cycle-2026-q1", "parent": {"id": "cycle-2026"}}
    assert [p["parent"]["id"] for p in objective["parents"]] == ["obj-digital-first-week"]
    assert objective["parents"][0]["parent"]["supports"] == [{"id": "prio-onboarding"}]
    assert objective["dependsOn"][0]["to"]["id"] == "kr-identity-instant-verification"
    assert objective["dependsOn"][0]["to"]["objective"]["owner"]["id"] == "team-identity"
    completion = next(kr for kr in objective["keyResults"] if kr["id"] == "kr-discover-completion")
    expected = (completion["current"] - completion["baseline"]) / (
        completion["target"] - completion["baseline"]
    )
    assert completion["progress"] == pytest.approx(expected)


async def test_children_and_depended_on_by_point_back(gql: GraphQL) -> None:
    data = await gql.ok(
        """
        {
          objective(id: "obj-digital-first-week") { children { child { id } } supports { id supportedBy { id } } }
          keyResult(id: "kr-identity-instant-verification") { dependedOnBy { from { ... on Objective { id } } } }
          team(id: "bu-digital") { children { id } objectives { id } }
        }
        """
    )
    assert {"child": {"id": "obj-discover-q1"}} in data["objective"]["children"]
    assert data["objective"]["supports"][0]["supportedBy"] == [{"id": "obj-digital-first-week"}]
    assert {"from": {"id": "obj-discover-q1"}} in data["keyResult"]["dependedOnBy"]
    assert {"id": "team-discover"} in data["team"]["children"]
    assert {"id": "obj-digital-first-week"} in data["team"]["objectives"]


async def test_objectives_filter_by_team_including_sub_teams_and_tier(gql: GraphQL) -> None:
    data = await gql.ok(
        """
        { objectives(teamId: "bu-digital", tier: TEAM, first: 100) { totalCount nodes { id tier owner { id } } } }
        """
    )
    nodes = data["objectives"]["nodes"]
    assert data["objectives"]["totalCount"] == len(nodes) > 0
    assert all(n["tier"] == "TEAM" for n in nodes)
    assert "obj-discover-q1" in {n["id"] for n in nodes}
    assert "bu-digital" not in {n["owner"]["id"] for n in nodes}


async def test_pages_follow_cursors_without_gaps_or_repeats(gql: GraphQL) -> None:
    query = """
        query($after: String) {
          objectives(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
        }
    """
    seen: list[str] = []
    after = None
    while True:
        page = (await gql.ok(query, after=after))["objectives"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == page["totalCount"]


@pytest.mark.parametrize(
    ("query", "code", "field"),
    [
        ("{ objectives(first: 101) { totalCount } }", "VALIDATION", "first"),
        ("{ objectives(first: 0) { totalCount } }", "VALIDATION", "first"),
        ('{ objectives(after: "not-a-cursor") { totalCount } }', "VALIDATION", "after"),
    ],
)
async def test_bad_reads_name_the_field(gql: GraphQL, query: str, code: str, field: str) -> None:
    error = await gql.error(query)
    assert error["extensions"]["code"] == code
    assert error["extensions"]["field"] == field


async def test_every_node_type_reads_by_id(gql: GraphQL) -> None:
    data = await gql.ok(
        """
        {
          organisation(id: "org-bank") { name vision }
          cycle(id: "cycle-2026") { kind startDate endDate children { id } }
          priority(id: "prio-onboarding") { title cycle { id } }
          initiative(id: "init-instant-id") { title keyResults { id initiatives { id } } }
          organisations { totalCount } teams { totalCount } cycles { totalCount } priorities { totalCount }
          keyResults { totalCount } initiatives { totalCount }
        }
        """
    )
    assert data["organisation"]["name"]
    assert data["cycle"]["startDate"] == "2026-01-01"
    assert len(data["cycle"]["children"]) == 4
    assert data["priority"]["cycle"]["id"] == "cycle-2026"
    assert data["initiative"]["keyResults"][0]["initiatives"][0]["id"] == "init-instant-id"
    for name in ("organisations", "teams", "cycles", "priorities", "keyResults", "initiatives"):
        assert data[name]["totalCount"] > 0


async def test_a_year_lists_its_quarters_objectives_as_the_alignment_questions_count_them(
    gql: GraphQL,
) -> None:
    query = """query($cycle: ID!, $sub: Boolean!) {
      objectives(cycleId: $cycle, includeSubCycles: $sub, first: 100) { totalCount nodes { id tier cycle { id } } }
    }"""
    year = (await gql.ok(query, cycle="cycle-2026", sub=True))["objectives"]
    only_year = (await gql.ok(query, cycle="cycle-2026", sub=False))["objectives"]
    quarter = (await gql.ok(query, cycle="cycle-2026-q1", sub=True))["objectives"]
    default = await gql.ok('{ objectives(cycleId: "cycle-2026", first: 100) { totalCount } }')
    assert default["objectives"]["totalCount"] == year["totalCount"]  # includeSubCycles defaults to true
    assert {n["cycle"]["id"] for n in only_year["nodes"]} == {"cycle-2026"}
    assert {n["id"] for n in year["nodes"]} == {n["id"] for n in only_year["nodes"] + quarter["nodes"]}
    assert year["totalCount"] == only_year["totalCount"] + quarter["totalCount"] == len(year["nodes"])
    # Every team objective the alignment coverage counts for the year is in the year's list.
    coverage = await gql.ok('{ alignmentCoverage(cycleId: "cycle-2026") { units { teamObjectives } } }')
    counted = sum(u["teamObjectives"] for u in coverage["alignmentCoverage"]["units"])
    assert counted == sum(n["tier"] == "TEAM" for n in year["nodes"]) > 0


LOOKUPS = ("organisation", "team", "cycle", "priority", "objective", "keyResult", "initiative")


async def test_every_lookup_of_an_unknown_id_answers_null_without_an_error(gql: GraphQL) -> None:
    query = "{ " + " ".join(f'{field}(id: "nope") {{ id }}' for field in LOOKUPS) + " }"
    body = await gql(query)
    assert "errors" not in body, body["errors"]
    assert body["data"] == dict.fromkeys(LOOKUPS)
    known = await gql.ok('{ organisation(id: "org-bank") { id } team(id: "team-discover") { id } }')
    assert known == {"organisation": {"id": "org-bank"}, "team": {"id": "team-discover"}}
