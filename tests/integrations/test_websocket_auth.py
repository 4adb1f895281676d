"""Queries and mutations sent over a websocket: the token is looked up for every operation, loaders are fresh."""

from __future__ import annotations

import json
from typing import Any

from api.settings import Settings
from graph.core.db import Database
from graph.integrations.tokens import create_token, revoke_token
from tests.conftest import GraphQL
from tests.integrations.test_subscription import Running, acked, receive, running_server

READ_KR = '{ keyResult(id: "kr-discover-completion") { title current } }'
RENAME = 'mutation { updateKeyResult(id: "kr-discover-completion", input: {title: "Renamed"}) { title } }'


async def run_over(ws: Any, op_id: str, document: str) -> dict[str, Any]:
    """Send one operation over graphql-transport-ws and return its single result payload."""
    await ws.send(json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": document}}))
    message = await receive(ws)
    assert message["id"] == op_id and message["type"] in {"next", "error"}, message
    if message["type"] == "next":
        assert await receive(ws) == {"id": op_id, "type": "complete"}
        payload: dict[str, Any] = message["payload"]
        return payload
    return {"errors": message["payload"]}


async def test_a_token_revoked_mid_connection_stops_working_for_the_next_operation(
    db: Database, demo: Any, admin_token: str
) -> None:
    info, secret = await create_token(db, name="planner", scopes=["write"])
    no_cache = Settings(token_cache_seconds=0)
    server: Running
    async with running_server(db, no_cache, admin_token) as server, acked(server.ws_url, secret) as ws:
        assert (await run_over(ws, "1", RENAME))["data"] == {"updateKeyResult": {"title": "Renamed"}}
        await revoke_token(db, info.id)
        refused = await run_over(ws, "2", RENAME.replace("Renamed", "Again"))
        assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", refused
        refused = await run_over(ws, "3", READ_KR)
        assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", refused
        assert (await GraphQL(server.gql.http, admin_token).ok(READ_KR))["keyResult"]["title"] == "Renamed"


async def test_each_operation_over_a_websocket_reads_fresh_data(
    db: Database, demo: Any, admin_token: str
) -> None:
    reader = (await create_token(db, name="dashboard", scopes=["read"]))[1]
    no_cache = Settings(token_cache_seconds=0)
    async with running_server(db, no_cache, admin_token) as server, acked(server.ws_url, reader) as ws:
        before = (await run_over(ws, "1", READ_KR))["data"]["keyResult"]["title"]
        await server.gql.ok(RENAME)  # over HTTP, between two operations of the same connection
        after = (await run_over(ws, "2", READ_KR))["data"]["keyResult"]["title"]
    assert (before, after) == ("Onboarding completion from 65% to 90%", "Renamed")
