"""The FastAPI app factory: one Neo4j driver per process, opened and checked in the lifespan."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.graphql import graphql_router, unavailable_handler
from api.http_limits import BodyLimit
from api.pages import mount_pages
from api.settings import Settings, get_settings
from graph.core.db import Database
from graph.core.errors import UnavailableError
from graph.core.schema import apply_schema
from graph.integrations.change_feed import ChangeFeed
from graph.planning.alignment_state import rebuild_missing
from graph.seed.demo import seed_demo

log = logging.getLogger("aligngraph")
# /readyz answers within this long even when Neo4j hangs.
READY_TIMEOUT_S = 3.0


async def prepare(database: Database, *, demo: bool) -> None:
    """What a start-up does once, before serving: the schema, missing alignment state, the demo."""
    await database.wait_until_ready()
    await apply_schema(database)
    if rebuilt := await rebuild_missing(database):
        log.info("alignment state rebuilt (objectives per organisation): %s", rebuilt)
    if demo:
        counts = await seed_demo(database)
        log.info("demo organisation loaded: %s", counts)


def create_app(
    settings: Settings | None = None,
    *,
    db: Database | None = None,
    demo: bool = False,
    prepared: bool = False,
) -> FastAPI:
    """Build the app. Pass `db` to share an open driver (tests); otherwise one is opened at start-up.
    `prepared`: another process ran `prepare` already (`aligngraph serve --workers`)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = db is None
        database = db or connect(settings)
        if prepared:
            await database.wait_until_ready()
        else:
            await prepare(database, demo=demo)
        app.state.db = database
        app.state.events.db = database
        try:
            yield
        finally:
            await app.state.events.close()
            if own:
                await database.close()

    app = FastAPI(title="Alignment Graph", version="0.1.0", lifespan=lifespan)
    if db is not None:
        app.state.db = db
    # keyResultUpdated subscribers of this process, fed from the change feed that every write records in Neo4j.
    app.state.events = ChangeFeed(db=db, poll_s=settings.feed_poll_seconds)
    app.include_router(graphql_router(settings), prefix="/graphql")
    # One handler for both: Starlette calls it with a Request over HTTP, a WebSocket for a handshake.
    app.add_exception_handler(UnavailableError, unavailable_handler(settings))  # type: ignore[arg-type]
    # The alignment map at / and /map, and the files it and GraphiQL load (web/, api/pages.py).
    mount_pages(app)
    # Body size and time are checked before any route, token lookup or GraphQL work.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, timeout_s=settings.body_timeout_seconds)
    if settings.cors_origins:
        # Outside BodyLimit, so a browser can read its refusals too (413, 408) and a preflight costs nothing.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
            # A web app may read when to come back after 429 RATE_LIMITED or 503 UNAVAILABLE.
            expose_headers=["retry-after"],
            max_age=settings.cors_max_age_seconds,
        )

    @app.get("/livez")
    async def livez() -> JSONResponse:
        """Liveness: the process answers. Never asks the database, so an outage restarts nothing."""
        return JSONResponse({"status": "ok"})

    @app.get("/readyz")
    @app.get("/health")
    async def readyz() -> JSONResponse:
        """Readiness: Neo4j answers. 503 while it does not; the body names no address."""
        try:
            async with asyncio.timeout(READY_TIMEOUT_S):
                await app.state.db.verify()
        except Exception as exc:  # any failure means: not ready (the log keeps the details)
            log.warning("not ready: %s", exc)
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    return app


def connect(settings: Settings) -> Database:
    if settings.neo4j_uri is None:
        raise UnavailableError(
            "NEO4J_URI is not set; start the local Neo4j with `aligngraph serve` or set it"
        )
    return Database.connect(
        settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
        timeout_s=settings.query_timeout_seconds,
        unavailable_s=settings.db_unavailable_timeout_seconds,
    )
