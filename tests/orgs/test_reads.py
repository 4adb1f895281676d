"""Every query answers from one organisation only: the token's, or for a token of every organisation the one
the question is about (a cycle's, an objective's). Another organisation's object is answered exactly like an
unknown id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import build_schema

from tests.orgs.conftest import A, B, Orgs, ids_in, same_as_unknown

OBJ = "id title owner { id } cycle { id } keyResults { id } parents { parent { ... on Objective { id } ... on KeyResult { id } } } children { child { id } } supports { id } dependsOn { to { ... on Objective { id } ... on KeyResult { id } } } dependedOnBy { from { ... on Objective { id } ... on KeyResult { id } } } checkIns { nodes { id } } retrospectives { id }"
KR = "id title objective { id } initiatives { id } contributors { child { id } } history { nodes { id } }"

# Each root query field, asked with one organisation's ids ({...} is filled from A or B).
QUERIES: dict[str, str] = {
    "organisations": "{ organisations { totalCount nodes { id name } } }",
    "teams": "{ teams(first: 100) { totalCount nodes { id name organisation { id } children { id } objectives { id } } } }",
    "cycles": "{ cycles { totalCount nodes { id organisation { id } children { id } } } }",
    "priorities": "{ priorities { totalCount nodes { id title organisation { id } supportedBy { id } } } }",
    "objectives": f"{{ objectives(first: 100) {{ totalCount nodes {{ {OBJ} }} }} }}",
    "keyResults": f"{{ keyResults(first: 100) {{ totalCount nodes {{ {KR} }} }} }}",
    "initiatives": "{ initiatives { totalCount nodes { id title keyResults { id } } } }",
    "orphanedObjectives": '{ orphanedObjectives(cycleId: "{quarter}") { totalCount nodes { objective { id } reason parentIds } } }',
    "unsupportedStrategy": '{ unsupportedStrategy(cycleId: "{year}") { priorities { priority { id } } objectives { id } } }',
    "alignmentCoverage": '{ alignmentCoverage(cycleId: "{quarter}") { units { unit { id name } teamsWithoutObjectives { id } } priorities { priority { id } } } }',
    "crossTeamDependencies": '{ crossTeamDependencies(cycleId: "{year}") { totalCount nodes { from { id } to { id } } } }',
    "dependencyLoops": '{ dependencyLoops(cycleId: "{year}") { teams { id } } }',
    "alignmentTree": '{ alignmentTree(rootId: "{priority}", depth: 6) { root { id } edges { parentId child { id ownerId } } } }',
    "pathToStrategy": '{ pathToStrategy(objectiveId: "{objective}") { steps { id } priority { id } } }',
    "impact": '{ impact(id: "{kr}") { priorities { id } strategicObjectives { id } teamObjectives { id } } }',
    "rollup": '{ rollup(objectiveId: "{strategic}") { contributions { childId parentId } objective { id } } }',
    "progressHistory": '{ progressHistory(id: "{strategic}", from: "2026-01-01", to: "2026-03-01") { id day } }',
    "strategicReport": '{ strategicReport(objectiveId: "{strategic}", asOf: "2026-03-01") { objective { id } keyResults { id } contributors { objective { id } } atRiskDependencies { from { id } to { id } } issues { objectiveId checkInId } } }',
    "health": '{ health(cycleId: "{year}", asOf: "2026-03-01") { totalCount findings { subject { id } owner { id } cycle { id } } } }',
    "organisation": '{ organisation(id: "{organisation}") { id name } }',
    "team": '{ team(id: "{team}") { id parent { id } children { id } } }',
    "cycle": '{ cycle(id: "{year}") { id children { id } } }',
    "priority": '{ priority(id: "{priority}") { id supportedBy { id } } }',
    "objective": f'{{ objective(id: "{{objective}}") {{ {OBJ} }} }}',
    "keyResult": f'{{ keyResult(id: "{{kr}}") {{ {KR} }} }}',
    "initiative": '{ initiative(id: "{initiative}") { id keyResults { id } } }',
    "keyResultsByExternalKey": '{ keyResultsByExternalKey(keys: ["{externalKey}"]) { id objective { id } } }',
    "node": f'{{ node(id: "{{objective}}") {{ id ... on Objective {{ {OBJ} }} }} }}',
    "nodes": f'{{ nodes(ids: ["{{kr}}"]) {{ id ... on KeyResult {{ {KR} }} }} }}',
}
SINGLE = ["organisation", "team", "cycle", "priority", "objective", "keyResult", "initiative"]
A_IDS = {**A, "organisation": "org-bank", "externalKey": "amplitude:onboarding_completion"}
B_IDS = {**B, "organisation": "org-b", "externalKey": "b:team-kr"}


def fill(query: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), m.group(0)), query)


def test_every_query_field_is_checked() -> None:
    schema = build_schema((Path(__file__).parents[2] / "schema.graphql").read_text())
    assert schema.query_type is not None
    # exportPlan answers a document, not ids: tests/orgs/test_plans.py checks it.
    missing = set(schema.query_type.fields) - set(QUERIES) - {"exportPlan"}
    assert not missing, f"add these queries to tests/orgs/test_reads.py: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_each_token_sees_only_its_own_organisation(orgs: Orgs, name: str) -> None:
    for client, own_ids, own, others in (
        (orgs.a, A_IDS, orgs.bank_ids, orgs.b_ids),
        (orgs.b, B_IDS, orgs.b_ids, orgs.bank_ids),
    ):
        data = await client.ok(fill(QUERIES[name], own_ids))
        seen = ids_in(data)
        if not (name == "dependencyLoops" and client is orgs.a):  # the demo has no loop; B has one
            assert seen & own, f"{name} shows nothing of the token's own organisation: {data}"
        assert not seen & others, f"{name} shows another organisation's {sorted(seen & others)}"


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_a_token_of_every_organisation_gets_answers_about_one(orgs: Orgs, name: str) -> None:
    """Questions about one organisation's cycle or objective stay in that organisation (alignmentCoverage of
    the bank's quarter used to list B's business unit)."""
    if name in {"organisations", "teams", "cycles", "priorities", "objectives", "keyResults", "initiatives"}:
        data = await orgs.admin.ok(QUERIES[name])
        seen = ids_in(data)
        assert seen & orgs.bank_ids and seen & orgs.b_ids, "a token of every organisation lists both"
        return
    for own_ids, others in ((A_IDS, orgs.b_ids), (B_IDS, orgs.bank_ids)):
        data = await orgs.admin.ok(fill(QUERIES[name], own_ids))
        assert not ids_in(data) & others, f"{name} mixes organisations: {sorted(ids_in(data) & others)}"


@pytest.mark.parametrize(
    "name",
    sorted(
        set(QUERIES)
        - {"organisations", "teams", "cycles", "priorities", "objectives", "keyResults", "initiatives"}
    ),
)
async def test_another_organisations_object_is_answered_like_an_unknown_id(orgs: Orgs, name: str) -> None:
    for client, other_ids in ((orgs.a, B_IDS), (orgs.b, A_IDS)):
        query = fill(QUERIES[name], other_ids)
        used = [v for v in other_ids.values() if f'"{v}"' in query]
        assert len(used) == 1
        await same_as_unknown(client, query, used[0])


async def test_lists_filtered_by_another_organisations_id_are_empty(orgs: Orgs) -> None:
    queries = [
        f'{{ objectives(cycleId: "{B["quarter"]}") {{ totalCount nodes {{ id }} }} }}',
        f'{{ objectives(teamId: "{B["bu"]}") {{ totalCount nodes {{ id }} }} }}',
        f'{{ keyResults(objectiveId: "{B["objective"]}") {{ totalCount nodes {{ id }} }} }}',
        f'{{ priorities(cycleId: "{B["year"]}") {{ totalCount nodes {{ id }} }} }}',
        f'{{ cycles(parentId: "{B["year"]}") {{ totalCount nodes {{ id }} }} }}',
        f'{{ teams(parentId: "{B["bu"]}") {{ totalCount nodes {{ id }} }} }}',
    ]
    for query in queries:
        body = await orgs.a(query)
        assert not ids_in(body.get("data")) & orgs.b_ids, body
        assert '"totalCount": 0' in str(body).replace("'", '"') or body.get("errors"), body


async def test_alignment_coverage_lists_only_the_cycles_organisations_units(orgs: Orgs) -> None:
    """The issue's reproduction: with two organisations, one's coverage listed the other's business units."""
    query = '{ alignmentCoverage(cycleId: "%s") { units { unit { id organisation { id } } } } }'
    for cycle, organisation in ((A["quarter"], "org-bank"), (B["quarter"], "org-b")):
        units = (await orgs.admin.ok(query % cycle))["alignmentCoverage"]["units"]
        assert units and {u["unit"]["organisation"]["id"] for u in units} == {organisation}
