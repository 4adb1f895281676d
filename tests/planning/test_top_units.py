"""Organisation.topUnits: where the map (and any frontend) starts walking an organisation's unit tree."""

from __future__ import annotations

import pytest

from tests.conftest import GraphQL

QUERY = """query Top($id: ID!) { organisation(id: $id) { topUnits { id kind children { id } } } }"""


@pytest.mark.usefixtures("demo")
async def test_the_demo_bank_has_one_top_unit_its_company(gql: GraphQL) -> None:
    units = (await gql.ok(QUERY, id="org-bank"))["organisation"]["topUnits"]
    assert [(u["id"], u["kind"]) for u in units] == [("team-bank", "COMPANY")]
    assert sorted(c["id"] for c in units[0]["children"]) == ["bu-business", "bu-digital", "bu-platform"]


async def test_an_organisation_without_units_has_none_and_others_units_never_show(gql: GraphQL) -> None:
    create = "mutation C($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }"
    team = "mutation T($input: CreateTeamInput!) { createTeam(input: $input) { id } }"
    await gql.ok(create, input={"id": "org-a", "name": "A"})
    await gql.ok(create, input={"id": "org-b", "name": "B"})
    assert (await gql.ok(QUERY, id="org-a"))["organisation"]["topUnits"] == []
    await gql.ok(team, input={"id": "b-co", "name": "B Co", "kind": "COMPANY", "organisationId": "org-b"})
    await gql.ok(
        team,
        input={
            "id": "b-bu",
            "name": "B BU",
            "kind": "BUSINESS_UNIT",
            "organisationId": "org-b",
            "parentId": "b-co",
        },
    )
    assert (await gql.ok(QUERY, id="org-a"))["organisation"]["topUnits"] == []
    units = (await gql.ok(QUERY, id="org-b"))["organisation"]["topUnits"]
    assert [u["id"] for u in units] == ["b-co"]
