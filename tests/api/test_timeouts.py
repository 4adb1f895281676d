"""A transaction that runs past AG_QUERY_TIMEOUT_SECONDS is stopped by Neo4j and reported as UNAVAILABLE."""

from __future__ import annotations

import time

import httpx
import pytest

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

RENAME = 'mutation { updateKeyResult(id: "kr-discover-completion", input: {title: "Renamed"}) { title } }'


async def test_a_write_stuck_behind_a_lock_gives_up_as_unavailable(db: Database) -> None:
    timed = Database(db.driver, timeout_s=1.0)
    secret = (await create_token(db, name="t", scopes=["write"]))[1]
    app = create_app(Settings(token_cache_seconds=0), db=timed)
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
        db.driver.session() as holder,
    ):
        # Another transaction holds the KR's write lock and never finishes in time.
        tx = await holder.begin_transaction()
        await tx.run("MATCH (k:KeyResult {id: 'kr-discover-completion'}) SET k.title = k.title")
        started = time.monotonic()
        response = await http.post(
            "/graphql", json={"query": RENAME}, headers={"Authorization": f"Bearer {secret}"}
        )
        error = response.json()["errors"][0]
        waited = time.monotonic() - started
        await tx.rollback()
        assert error["extensions"]["code"] == "UNAVAILABLE", error
        assert error["extensions"]["field"] == "timeout"
        # Every UNAVAILABLE is HTTP 503 with Retry-After, so clients and proxies retry it alike.
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert waited < 15, waited
        title = await GraphQL(http, secret).ok('{ keyResult(id: "kr-discover-completion") { title } }')
        assert title["keyResult"]["title"] != "Renamed"
