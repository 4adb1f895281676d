"""Every mutation keeps to one organisation: a token of A on B's object gets NOT_FOUND (as for an unknown id)
and changes nothing; a token of every organisation may not link the two (VALIDATION naming the field)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import build_schema

from graph.core.db import Database
from graph.seed.demo import seed_demo
from tests.conftest import GraphQL
from tests.orgs.conftest import OTHER, B, Orgs, same_as_unknown, snapshot

Q1 = '{name: "Q", kind: QUARTER, startDate: "2026-01-01", endDate: "2026-03-31"'
CHECK_IN = 'plan: "p", author: "a", confidence: 5'
# Each mutation as A's token asks it about one of B's objects (named by the one "b-..." or "org-b" id in it).
MUTATIONS: list[str] = [
    'updateOrganisation(id: "org-b", input: {name: "x"}) { id }',
    'deleteOrganisation(id: "org-b") { id }',
    'createTeam(input: {name: "x", kind: COMPANY, organisationId: "org-b"}) { id }',
    'createTeam(input: {name: "x", kind: TEAM, organisationId: "org-bank", parentId: "b-bu"}) { id }',
    'updateTeam(id: "b-team-1", input: {name: "x"}) { id }',
    'updateTeam(id: "team-discover", input: {parentId: "b-bu"}) { id }',
    'deleteTeam(id: "b-team-2") { id }',
    'createCycle(input: {name: "x", kind: YEAR, startDate: "2027-01-01", endDate: "2027-12-31", organisationId: "org-b"}) { id }',
    f'createCycle(input: {Q1}, parentId: "b-2026"}}) {{ id }}',
    'updateCycle(id: "b-2026", input: {name: "x"}) { id }',
    'deleteCycle(id: "b-2026-q1") { id }',
    'closeCycle(cycleId: "b-2026-q1") { id }',
    'createPriority(input: {title: "x", cycleId: "b-2026"}) { id }',
    'updatePriority(id: "b-prio", input: {title: "x"}) { id }',
    'deletePriority(id: "b-prio") { id }',
    'createInitiative(input: {title: "x", organisationId: "org-b"}) { id }',
    'updateInitiative(id: "b-init", input: {title: "x"}) { id }',
    'deleteInitiative(id: "b-init") { id }',
    'createObjective(input: {title: "x", tier: TEAM, ownerId: "b-team-1", cycleId: "cycle-2026-q1"}) { id }',
    'createObjective(input: {title: "x", tier: TEAM, ownerId: "team-discover", cycleId: "b-2026-q1"}) { id }',
    'updateObjective(id: "b-team-obj", input: {title: "x"}) { id }',
    'archiveObjective(id: "b-team-obj") { id }',
    'deleteObjective(id: "b-team-obj") { id }',
    'createKeyResult(input: {objectiveId: "b-team-obj", title: "x", kind: MILESTONE}) { id }',
    'updateKeyResult(id: "b-kr-team", input: {title: "x"}) { id }',
    'updateKeyResult(id: "b-kr-team", input: {current: 5}) { id }',
    'deleteKeyResult(id: "b-kr-team") { id }',
    'linkContribution(childId: "obj-discover-q1", parentId: "b-strategic") { weight }',
    'linkContribution(childId: "b-team-obj", parentId: "obj-digital-first-week") { weight }',
    'unlinkContribution(childId: "obj-discover-q1", parentId: "b-kr-strategic") { id }',
    'linkSupport(objectiveId: "obj-digital-first-week", priorityId: "b-prio") { id }',
    'linkSupport(objectiveId: "b-strategic", priorityId: "prio-onboarding") { id }',
    'unlinkSupport(objectiveId: "obj-digital-first-week", priorityId: "b-prio") { id }',
    'linkDependency(fromId: "obj-discover-q1", toId: "b-kr-team") { note }',
    'linkDependency(fromId: "b-team-obj", toId: "kr-discover-completion") { note }',
    'unlinkDependency(fromId: "obj-discover-q1", toId: "b-kr-team")',
    'linkInitiative(initiativeId: "init-guided-setup", keyResultId: "b-kr-team") { id }',
    'linkInitiative(initiativeId: "b-init", keyResultId: "kr-discover-completion") { id }',
    'unlinkInitiative(initiativeId: "b-init", keyResultId: "kr-discover-completion") { id }',
    f'recordCheckIn(input: {{objectiveId: "b-team-obj", {CHECK_IN}}}) {{ id }}',
    f'recordCheckIn(input: {{objectiveId: "obj-discover-q1", {CHECK_IN}, values: [{{keyResultId: "b-kr-team", value: 1}}]}}) {{ id }}',
    'recordRetrospective(input: {kind: MID_CYCLE, author: "a", learnings: ["l"], objectiveId: "b-team-obj"}) { id }',
    'recordRetrospective(input: {kind: MID_CYCLE, author: "a", learnings: ["l"], teamId: "b-team-1", cycleId: "cycle-2026-q1"}) { id }',
    'recordRetrospective(input: {kind: MID_CYCLE, author: "a", learnings: ["l"], teamId: "team-discover", cycleId: "b-2026-q1"}) { id }',
    'carryOverObjective(objectiveId: "b-team-obj", toCycleId: "cycle-2026-q2") { id }',
    'carryOverObjective(objectiveId: "obj-discover-q1", toCycleId: "b-2026-q1") { id }',
]
PUSHES = [
    'pushKeyResultValues(values: [{keyResultId: "b-kr-team", value: 1, observedAt: "2026-02-01T00:00:00Z", source: "t"}]) { accepted rejected items { status reason } }',
    'pushKeyResultValues(values: [{externalKey: "b:team-kr", value: 1, observedAt: "2026-02-01T00:00:00Z", source: "t"}]) { accepted rejected items { status reason } }',
]


def _other_id(mutation: str) -> str:
    found = [
        v for v in re.findall(r'"([^"]+)"', mutation) if v.startswith("b-") or v == OTHER or v == "b:team-kr"
    ]
    assert len(found) == 1, mutation
    return found[0]


def test_every_mutation_is_checked() -> None:
    schema = build_schema((Path(__file__).parents[2] / "schema.graphql").read_text())
    assert schema.mutation_type is not None
    # importPlan: tests/orgs/test_plans.py.
    asked = {m.split("(")[0] for m in MUTATIONS + PUSHES} | {"createOrganisation", "importPlan"}
    missing = set(schema.mutation_type.fields) - asked
    assert not missing, f"add these mutations to tests/orgs/test_writes.py: {sorted(missing)}"


async def test_a_token_of_one_organisation_cannot_touch_another(orgs: Orgs, db: Database) -> None:
    before = await snapshot(db, orgs.b_ids)
    for mutation in MUTATIONS:
        body = await same_as_unknown(orgs.a, f"mutation {{ {mutation} }}", _other_id(mutation))
        codes = [e["extensions"]["code"] for e in body.get("errors", [])]
        # A check-in's value for a key result it does not have is VALIDATION, whether unknown or B's.
        assert codes == ["VALIDATION" if "values:" in mutation else "NOT_FOUND"], (mutation, body)
    for push in PUSHES:
        body = await same_as_unknown(orgs.a, f"mutation {{ {push} }}", _other_id(push))
        assert body["data"]["pushKeyResultValues"]["items"] == [
            {"status": "REJECTED", "reason": "UNKNOWN_KEY_RESULT"}
        ]
    assert await snapshot(db, orgs.b_ids) == before, "a refused write changed organisation B"
    # And B's own token still can.
    await orgs.b.ok('mutation { updateObjective(id: "b-team-obj", input: {title: "still mine"}) { id } }')


async def test_a_token_of_one_organisation_may_not_create_organisations(orgs: Orgs) -> None:
    error = await orgs.a.error('mutation { createOrganisation(input: {name: "third"}) { id } }')
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["extensions"]["field"] == "createOrganisation"
    await orgs.admin.ok('mutation { createOrganisation(input: {id: "org-c", name: "third"}) { id } }')


# A token of every organisation sees both, but no link or new node joins them.
CROSSING: list[tuple[str, str]] = [
    ('linkContribution(childId: "obj-discover-q1", parentId: "b-strategic") { weight }', "parentId"),
    ('linkContribution(childId: "obj-discover-q1", parentId: "b-kr-strategic") { weight }', "parentId"),
    ('linkDependency(fromId: "obj-discover-q1", toId: "b-kr-team") { note }', "toId"),
    ('linkDependency(fromId: "b-team-obj", toId: "obj-discover-q1") { note }', "toId"),
    ('linkSupport(objectiveId: "obj-digital-first-week", priorityId: "b-prio") { id }', "priorityId"),
    ('linkInitiative(initiativeId: "b-init", keyResultId: "kr-discover-completion") { id }', "keyResultId"),
    (
        'createObjective(input: {title: "x", tier: TEAM, ownerId: "team-discover", cycleId: "b-2026-q1"}) { id }',
        "cycleId",
    ),
    (
        'createTeam(input: {name: "x", kind: TEAM, organisationId: "org-bank", parentId: "b-bu"}) { id }',
        "parentId",
    ),
    ('updateTeam(id: "team-discover", input: {parentId: "b-bu"}) { id }', "parentId"),
    (f'createCycle(input: {Q1}, parentId: "b-2026", organisationId: "org-bank"}}) {{ id }}', "parentId"),
    ('createPriority(input: {title: "x", cycleId: "b-2026", organisationId: "org-bank"}) { id }', "cycleId"),
    ('carryOverObjective(objectiveId: "obj-discover-q1", toCycleId: "b-2026-q1") { id }', "toCycleId"),
]


@pytest.mark.parametrize(("mutation", "field"), CROSSING)
async def test_links_and_new_nodes_stay_inside_one_organisation(
    orgs: Orgs, db: Database, mutation: str, field: str
) -> None:
    before = await snapshot(db, orgs.b_ids | orgs.bank_ids)
    error = await orgs.admin.error(f"mutation {{ {mutation} }}")
    assert error["extensions"]["code"] == "VALIDATION", error
    assert error["extensions"]["field"] == field, error
    assert "organisation" in error["message"], error
    assert await snapshot(db, orgs.b_ids | orgs.bank_ids) == before


async def test_a_new_cycle_or_initiative_needs_its_organisation_when_there_are_several(orgs: Orgs) -> None:
    year = 'createCycle(input: {name: "2027", kind: YEAR, startDate: "2027-01-01", endDate: "2027-12-31"%s}) { id organisation { id } }'
    error = await orgs.admin.error(f"mutation {{ {year % ''} }}")
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("VALIDATION", "organisationId")
    error = await orgs.admin.error('mutation { createInitiative(input: {title: "x"}) { id } }')
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("VALIDATION", "organisationId")
    with_organisation = year % ', organisationId: "org-b"'
    made = await orgs.admin.ok(f"mutation {{ {with_organisation} }}")
    assert made["createCycle"]["organisation"] == {"id": OTHER}
    # An organisation's token needs none: the cycle is its organisation's, and so is its quarter and priority.
    made = await orgs.a.ok(f"mutation {{ {year.replace('2027', '2028') % ''} }}")
    assert made["createCycle"]["organisation"] == {"id": "org-bank"}
    quarter = await orgs.admin.ok(
        'mutation { createCycle(input: {name: "Q", kind: QUARTER, startDate: "2028-01-01", endDate: "2028-03-31", '
        f'parentId: "{made["createCycle"]["id"]}"}}) {{ organisation {{ id }} }} }}'
    )
    assert quarter["createCycle"]["organisation"] == {"id": "org-bank"}
    priority = await orgs.admin.ok(
        f'mutation {{ createPriority(input: {{title: "p", cycleId: "{B["year"]}"}}) {{ organisation {{ id }} cycle {{ id }} }} }}'
    )
    assert priority["createPriority"]["organisation"] == {"id": OTHER}


async def test_with_one_organisation_the_api_stays_as_it_was(gql: GraphQL, db: Database) -> None:
    """One organisation: cycles and initiatives need no organisationId (backward compatible)."""
    await seed_demo(db)
    made = await gql.ok(
        'mutation { createCycle(input: {name: "2027", kind: YEAR, startDate: "2027-01-01", endDate: "2027-12-31"}) '
        '{ organisation { id } } createInitiative(input: {title: "x"}) { id } }'
    )
    assert made["createCycle"]["organisation"] == {"id": "org-bank"}
