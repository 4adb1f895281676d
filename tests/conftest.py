"""Fixtures: one real Neo4j 5.26 for the session (started by the project), wiped before every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.integrations.tokens import create_token
from graph.seed.demo import seed_demo
from runtime import local_neo4j

# `live_server`: the app served by a real uvicorn on a free port (tests/live_server.py).
pytest_plugins = ["tests.live_server"]

# One server per test run, so parallel runs (or a crashed earlier run) never collide.
TEST_SERVER = f"test-{os.getpid()}"


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """Start a fresh local Neo4j for the suite, or use AG_TEST_NEO4J_URI (it will be wiped!)."""
    given = os.environ.get("AG_TEST_NEO4J_URI")
    if given:
        yield given
        return
    server = local_neo4j.start(TEST_SERVER, fresh=True, heap_mb=1024, pagecache_mb=256)
    try:
        yield server.uri
    finally:
        local_neo4j.stop(TEST_SERVER)
        shutil.rmtree(server.home, ignore_errors=True)


@pytest.fixture(scope="session")
async def db(neo4j_uri: str) -> AsyncIterator[Database]:
    database = Database.connect(
        neo4j_uri, user="neo4j", password=os.environ.get("AG_TEST_NEO4J_PASSWORD", "unused")
    )
    await database.verify()
    await apply_schema(database)
    yield database
    await database.close()


@pytest.fixture(autouse=True)
async def _clean(request: pytest.FixtureRequest) -> None:
    """Wipe all data before each test that touches the database, so tests never see each other's data."""
    if "db" not in request.fixturenames:
        return
    database: Database = request.getfixturevalue("db")
    await database.driver.execute_query("MATCH (n) DETACH DELETE n")


@pytest.fixture
async def demo(db: Database) -> dict[str, int]:
    """Load the demo organisation."""
    return await seed_demo(db)


@pytest.fixture(scope="session")
def settings() -> Settings:
    # Token lookups are cached as in production, so counting a request's queries counts its own work; tests
    # of revocation build an app without the cache.
    return Settings(max_page_size=100, token_cache_seconds=300)


@pytest.fixture(scope="session")
async def client(db: Database, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the real ASGI app, sharing the session's driver."""
    app = create_app(settings, db=db)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


class GraphQL:
    """Post GraphQL over HTTP and return the decoded response."""

    def __init__(self, http: httpx.AsyncClient, token: str | None = None) -> None:
        self.http = http
        self.token = token

    def as_token(self, token: str | None) -> GraphQL:
        """The same client, sending another token (None: no Authorization header)."""
        return GraphQL(self.http, token)

    async def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def ok(self, query: str, **variables: Any) -> dict[str, Any]:
        """Run a query that must succeed, and return its data."""
        body = await self(query, **variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def error(self, query: str, **variables: Any) -> dict[str, Any]:
        """Run a query that must fail, and return its first error."""
        body = await self(query, **variables)
        assert body.get("errors"), body
        error: dict[str, Any] = body["errors"][0]
        return error


@pytest.fixture
async def admin_token(db: Database) -> str:
    """A fresh admin token (the database is wiped before each test, tokens included)."""
    return (await create_token(db, name="tests", scopes=["admin"], all_organisations=True))[1]


@pytest.fixture
async def gql(client: httpx.AsyncClient, admin_token: str) -> GraphQL:
    """GraphQL over HTTP as an admin; `gql.as_token(...)` sends another token or none."""
    graphql = GraphQL(client, admin_token)
    await graphql.ok("{ __typename }")  # the app now knows the token: query counts exclude its lookup
    return graphql


async def count_nodes(db: Database) -> int:
    result = await db.driver.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(result.records[0]["n"])


async def count_edges(db: Database) -> int:
    result = await db.driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return int(result.records[0]["n"])
