"""A database written before organisations were kept apart gets its organisationIds when the schema is
applied, and its tokens (which have no organisation) keep answering for every organisation."""

from __future__ import annotations

from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.integrations.tokens import TokenInfo, create_token
from graph.seed.demo import seed_demo

LEGACY = ["Team", "Cycle", "Priority", "Objective", "KeyResult", "Initiative"]


async def _without_organisation(db: Database) -> int:
    result = await db.driver.execute_query(
        "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND n.organisationId IS NULL RETURN count(n) AS n",
        labels=LEGACY,
    )
    return int(result.records[0]["n"])


async def test_apply_schema_gives_older_nodes_their_organisation(db: Database) -> None:
    await seed_demo(db)
    await db.driver.execute_query(
        "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) REMOVE n.organisationId", labels=LEGACY
    )
    assert await _without_organisation(db) > 50
    await apply_schema(db)
    assert await _without_organisation(db) == 0
    result = await db.driver.execute_query(
        "MATCH (n) WHERE n.organisationId IS NOT NULL RETURN DISTINCT n.organisationId AS o"
    )
    assert [r["o"] for r in result.records] == ["org-bank"]


async def test_a_token_stored_without_an_organisation_answers_for_every_one(db: Database) -> None:
    await seed_demo(db)
    info, _ = await create_token(db, name="old", scopes=["read"])
    assert info.organisation_id == "org-bank"
    await db.driver.execute_query("MATCH (t:ApiToken) REMOVE t.organisationId, t.allOrganisations")
    rows = await db.read("tokens/api_tokens")
    assert TokenInfo.from_row(rows[0]["token"]).principal().organisation_id is None
