"""The generated parts of the Python client (ariadne-codegen, clients/python/codegen.py) under its policy layer,
against a real uvicorn serving the app on the demo: key results by externalKey, the typed `api`, and the
keyResultUpdated subscription over graphql-transport-ws."""

from __future__ import annotations

import asyncio
import datetime as dt
from contextlib import aclosing
from typing import Any

import pytest
from aligngraph_client import (
    MAX_KEYS,
    AsyncClient,
    Client,
    KeyResult,
    KeyResultKind,
    KeyResultUpdate,
    KeyResultValueInput,
    UpdateCause,
    ValidationFailed,
)

from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.clients.test_python_client import FAST, AsyncRecording, Recording
from tests.live_server import LiveServer

DEMO_KEY = "amplitude:onboarding_completion"  # the demo's kr-discover-completion


@pytest.fixture
async def push_token(db: Database, demo: Any) -> str:
    return (await create_token(db, name="integration", scopes=["push"], team_ids=[]))[1]


async def test_key_results_by_external_key_in_calls_of_1000_keys(
    live_server: LiveServer, push_token: str
) -> None:
    keys = [DEMO_KEY, *[f"missing:{i}" for i in range(MAX_KEYS + 200)], DEMO_KEY]
    transport = Recording()

    def look_up() -> dict[str, KeyResult | None]:
        with Client(live_server.graphql_url, push_token, transport=transport) as client:
            return client.key_results_by_external_key(keys)

    found = await asyncio.to_thread(look_up)
    assert [len(body["variables"]["keys"]) for body in transport.bodies] == [MAX_KEYS, 202]
    assert list(found) == list(dict.fromkeys(keys))
    completion = found[DEMO_KEY]
    assert isinstance(completion, KeyResult)
    assert (completion.id, completion.kind, completion.external_key) == (
        "kr-discover-completion",
        KeyResultKind.METRIC,
        DEMO_KEY,
    )
    assert all(found[key] is None for key in keys[1:-1])


async def test_a_malformed_key_is_validation_failed_naming_it(
    live_server: LiveServer, push_token: str
) -> None:
    async with AsyncClient(live_server.graphql_url, push_token) as client:
        with pytest.raises(ValidationFailed) as raised:
            await client.key_results_by_external_key([DEMO_KEY, "two words"])
        assert (raised.value.field, raised.value.value) == ("keys[1]", "two words")
        with pytest.raises(TypeError):
            await client.key_results_by_external_key(DEMO_KEY)
        found = await client.key_results_by_external_key([DEMO_KEY])
    assert found[DEMO_KEY] is not None and found[DEMO_KEY].id == "kr-discover-completion"


async def test_every_generated_operation_retries_through_the_policy_layer(
    live_server: LiveServer, push_token: str
) -> None:
    transport = AsyncRecording(fail={0: "503"})
    async with AsyncClient(live_server.graphql_url, push_token, retry=FAST, transport=transport) as client:
        answer = await client.api.get_key_result("kr-discover-completion")
    assert len(transport.bodies) == 2 and transport.bodies[0] == transport.bodies[1]
    assert transport.bodies[0]["operationName"] == "GetKeyResult"
    assert answer.key_result is not None and answer.key_result.id == "kr-discover-completion"


async def test_key_result_updates_stream_a_push_over_the_websocket(
    live_server: LiveServer, push_token: str
) -> None:
    received: list[KeyResultUpdate] = []
    ready = asyncio.Event()

    async def listen() -> None:
        async with (
            AsyncClient(live_server.graphql_url, push_token) as client,
            aclosing(client.key_result_updates(team_id="bu-digital")) as updates,
        ):
            ready.set()
            async for update in updates:
                received.append(update)
                return

    hub = live_server.app.state.events
    listener = asyncio.create_task(listen())
    await ready.wait()
    async with asyncio.timeout(10):
        while not hub.subscribers:  # noqa: ASYNC110 - the hub has no event for it
            await asyncio.sleep(0.02)
    observed = dt.datetime.now(dt.UTC).replace(microsecond=0)
    async with AsyncClient(live_server.graphql_url, push_token) as pusher:
        result = await pusher.push_values(
            [
                KeyResultValueInput(
                    value=81.0, observed_at=observed, source="ws-test", key_result_id="kr-discover-completion"
                )
            ]
        )
    assert result.accepted == 1
    async with asyncio.timeout(10):
        await listener
    [update] = received
    assert (update.key_result_id, update.team_id, update.current, update.cause) == (
        "kr-discover-completion",
        "team-discover",
        81.0,
        UpdateCause.PUSH,
    )
    assert update.last_observed_at == observed and update.missed == 0
