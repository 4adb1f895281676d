"""importPlan (admin), exportPlan and deleteOrganisation(confirm:) over HTTP, against the real Neo4j."""

from __future__ import annotations

import pytest

from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL, count_nodes
from tests.plans.helpers import wipe
from tests.plans.small import SMALL

IMPORT = """
mutation($document: String!, $format: PlanFormat, $dryRun: Boolean, $prune: Boolean) {
  importPlan(document: $document, format: $format, dryRun: $dryRun, prune: $prune) {
    applied writes changes { type create update unchanged archive remove }
    problems { code message file line path field }
  }
}
"""
EXPORT = """
query($org: ID!, $cycle: ID, $history: Boolean, $format: PlanFormat) {
  exportPlan(organisationId: $org, cycleId: $cycle, history: $history, format: $format)
}
"""
DELETE = "mutation($id: ID!, $confirm: ID) { deleteOrganisation(id: $id, confirm: $confirm) { id } }"


async def test_import_plan_dry_run_then_for_real_then_a_no_op(db: Database, gql: GraphQL) -> None:
    dry = (await gql.ok(IMPORT, document=SMALL, dryRun=True))["importPlan"]
    assert dry["applied"] is False and dry["writes"] == 19 and dry["problems"] == []
    assert {"type": "objectives", "create": 3, "update": 0, "unchanged": 0, "archive": 0, "remove": 0} in dry[
        "changes"
    ]
    assert await count_nodes(db) == 1  # the admin token
    done = (await gql.ok(IMPORT, document=SMALL))["importPlan"]
    assert done["applied"] is True and done["writes"] == 19
    again = (await gql.ok(IMPORT, document=SMALL))["importPlan"]
    assert again["applied"] is False and again["writes"] == 0
    assert all(c["create"] == c["update"] == 0 for c in again["changes"])


async def test_import_plan_returns_every_problem_and_writes_nothing(db: Database, gql: GraphQL) -> None:
    bad = SMALL.replace("baseline: 65, target: 90", "baseline: 65, target: 65").replace(
        "ownerId: acme-id\n", "ownerId: acme-gone\n"
    )
    result = (await gql.ok(IMPORT, document=bad))["importPlan"]
    assert result["applied"] is False
    assert result["problems"] == [
        {
            "code": "VALIDATION",
            "message": "target 65.0 equals baseline 65.0: a key result must move a metric",
            "file": "plan.yaml",
            "line": 29,
            "path": "objectives[1].keyResults[0].target",
            "field": "target",
        },
        {
            "code": "NOT_FOUND",
            "message": "No team with id 'acme-gone' (ownerId)",
            "file": "plan.yaml",
            "line": 33,
            "path": "objectives[2].ownerId",
            "field": "ownerId",
        },
    ]
    assert await count_nodes(db) == 1


@pytest.mark.usefixtures("demo")
async def test_export_plan_round_trips_as_yaml_and_as_a_csv_bundle(db: Database, gql: GraphQL) -> None:
    for fmt in ("YAML", "CSV_BUNDLE"):
        first = (await gql.ok(EXPORT, org="org-bank", history=True, format=fmt))["exportPlan"]
        await wipe(db)
        gql_admin = gql.as_token(
            (await create_token(db, name="again", scopes=["admin"], all_organisations=True))[1]
        )
        result = (await gql_admin.ok(IMPORT, document=first, format=fmt))["importPlan"]
        assert result["problems"] == [] and result["applied"], result
        assert (await gql_admin.ok(EXPORT, org="org-bank", history=True, format=fmt))["exportPlan"] == first
        gql = gql_admin
    quarter = (await gql.ok(EXPORT, org="org-bank", cycle="cycle-2026-q1"))["exportPlan"]
    assert (
        "obj-discover-q1" in quarter and "obj-digital-first-week" in quarter
    )  # the year's strategy comes along
    error = await gql.error(EXPORT, org="org-nope")
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_import_plan_needs_the_admin_scope(db: Database, gql: GraphQL) -> None:
    writer = gql.as_token(
        (await create_token(db, name="writer", scopes=["write"], all_organisations=True))[1]
    )
    error = await writer.error(IMPORT, document=SMALL)
    assert error["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.usefixtures("demo")
async def test_delete_organisation_with_confirmation_deletes_everything_in_it(
    db: Database, gql: GraphQL
) -> None:
    error = await gql.error(DELETE, id="org-bank")
    assert error["extensions"]["code"] == "CONFLICT"
    error = await gql.error(DELETE, id="org-bank", confirm="org-other")
    assert error["extensions"]["code"] == "VALIDATION" and error["extensions"]["field"] == "confirm"
    assert (await gql.ok(DELETE, id="org-bank", confirm="org-bank"))["deleteOrganisation"] == {
        "id": "org-bank"
    }
    left = await db.driver.execute_query(
        "MATCH (n) WHERE NOT n:ApiToken UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
    )
    assert {r["label"] for r in left.records} <= {"Cycle", "Priority", "Initiative", "Keyed"}
    error = await gql.error(DELETE, id="org-bank", confirm="org-bank")
    assert error["extensions"]["code"] == "NOT_FOUND"
