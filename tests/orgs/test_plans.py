"""Plan files keep to one organisation too: a token exports and imports its own organisation's plan, and
another organisation's plan is answered like an organisation that does not exist (NOT_FOUND)."""

from __future__ import annotations

from graph.core.db import Database
from tests.orgs.conftest import OTHER, Orgs, same_as_unknown, snapshot

EXPORT = "query($org: ID!) { exportPlan(organisationId: $org) }"
IMPORT = "mutation($doc: String!) { importPlan(document: $doc) { applied writes problems { code message } } }"


async def test_a_token_exports_its_own_organisation_only(orgs: Orgs) -> None:
    own = (await orgs.a.ok(EXPORT, org="org-bank"))["exportPlan"]
    assert "org-bank" in own and "b-team-obj" not in own
    theirs = (await orgs.b.ok(EXPORT, org=OTHER))["exportPlan"]
    assert "b-team-obj" in theirs and "obj-payments-q1" not in theirs
    await same_as_unknown(orgs.a, f'query {{ exportPlan(organisationId: "{OTHER}") }}', OTHER)


async def test_a_token_cannot_import_another_organisations_plan(orgs: Orgs, db: Database) -> None:
    theirs = (await orgs.b.ok(EXPORT, org=OTHER))["exportPlan"]
    before = await snapshot(db, orgs.b_ids)
    body = await orgs.a(IMPORT, doc=theirs)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"], body
    assert await snapshot(db, orgs.b_ids) == before
    # B's own token imports it: nothing differs, so nothing is written.
    again = (await orgs.b.ok(IMPORT, doc=theirs))["importPlan"]
    assert again["problems"] == [] and again["writes"] == 0, again
