"""Neo4j dies under load: every answer is UNAVAILABLE (HTTP 503, Retry-After) within a bounded time, the
Python client retries until Neo4j is back, and every value acknowledged before, during and after is stored.

The test runs its own local Neo4j (not the session's), kills it with SIGKILL and starts it again on the
port it had (runtime/local_neo4j.py reuses a recorded port), while the real app serves on uvicorn.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import secrets
import shutil
import signal
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from aligngraph_client import Client, PushStatus, RetryPolicy
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Subprotocol

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.integrations.tokens import create_token
from graph.seed.demo import seed_demo
from runtime import local_neo4j
from tests.live_server import serving

NAME = f"outage-{os.getpid()}"
# A short timeout keeps the test quick; the default (5 s) is the same mechanism.
UNAVAILABLE_S = 2.0
# What an answer may take while Neo4j is down: the timeout, the guard's second, and scheduling on 2 busy cores.
BOUND_S = UNAVAILABLE_S + 2.5
PUSH = """mutation($values: [KeyResultValueInput!]!) {
  pushKeyResultValues(values: $values) { accepted duplicates rejected items { status reason } } }"""
START = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)


@pytest.fixture(scope="module")
def own_neo4j() -> Iterator[local_neo4j.RunningServer]:
    server = local_neo4j.start(NAME, fresh=True, heap_mb=512, pagecache_mb=64, quiet=True)
    try:
        yield server
    finally:
        local_neo4j.stop(NAME)
        shutil.rmtree(server.home, ignore_errors=True)


@dataclass
class Answers:
    """What the loops saw: (phase, HTTP status, code, sent, answered) per answer, the acknowledged keys."""

    seen: list[tuple[str, int, str, float, float]] = field(default_factory=list)
    acknowledged: set[str] = field(default_factory=set)
    phase: str = "up"
    killed_at: float = 0.0

    def add(self, response: httpx.Response, sent: float) -> None:
        self.seen.append((self.phase, response.status_code, _code(response), sent, time.monotonic()))

    def waited_while_down(self) -> list[float]:
        """For each answer given while Neo4j was down: how long it took, counted from the kill at the
        earliest (a request in flight when Neo4j died started its wait then)."""
        return [end - max(sent, self.killed_at) for phase, *_, sent, end in self.seen if phase == "down"]


def _code(response: httpx.Response) -> str:
    body: dict[str, Any] = response.json()
    if body.get("errors"):
        return str(body["errors"][0]["extensions"]["code"])
    return "OK"


async def _push_loop(http: httpx.AsyncClient, token: str, answers: Answers, stop: asyncio.Event) -> None:
    """Push one value at a time, each under its own idempotency key, as fast as answers come."""
    i = 0
    while not stop.is_set():
        key = f"outage-{i}"
        value = {
            "keyResultId": "kr-discover-completion",
            "value": float(i % 100),
            "observedAt": (START + dt.timedelta(seconds=i)).isoformat(),
            "source": "outage-test",
            "idempotencyKey": key,
        }
        began = time.monotonic()
        response = await http.post(
            "/graphql", json={"query": PUSH, "variables": {"values": [value]}}, headers=_bearer(token)
        )
        answers.add(response, began)
        if response.status_code == 200:
            assert response.json()["data"]["pushKeyResultValues"]["accepted"] == 1, response.text
            answers.acknowledged.add(key)
        else:
            assert response.headers["retry-after"] == "2", response.headers
        i += 1
        await asyncio.sleep(0.05)


async def _unknown_token_loop(http: httpx.AsyncClient, answers: Answers, stop: asyncio.Event) -> None:
    """A token never seen before is looked up in Neo4j before GraphQL runs (context_getter)."""
    while not stop.is_set():
        began = time.monotonic()
        response = await http.post("/graphql", json={"query": "{ __typename }"}, headers=_bearer(_secret()))
        answers.add(response, began)
        await asyncio.sleep(0.1)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _secret() -> str:
    return "ag_" + secrets.token_urlsafe(32)


@pytest.fixture
async def served(own_neo4j: local_neo4j.RunningServer) -> AsyncIterator[tuple[str, str]]:
    """The demo app on its own Neo4j, served by uvicorn: (base URL, a push token)."""
    settings = Settings(
        neo4j_uri=own_neo4j.uri,
        neo4j_password="unused",
        db_unavailable_timeout_seconds=UNAVAILABLE_S,
        token_cache_seconds=300,
    )
    admin = Database.connect(own_neo4j.uri, user="neo4j", password="unused")
    try:
        await apply_schema(admin)
        await seed_demo(admin)
        async with serving(create_app(settings), settings) as live:
            token = (await create_token(admin, name="pusher", scopes=["push"]))[1]
            yield live.base_url, token
    finally:
        await admin.close()


async def _stored(uri: str, keys: set[str]) -> set[str]:
    db = Database.connect(uri, user="neo4j", password="unused")
    try:
        result = await db.driver.execute_query(
            "MATCH (m:Measurement) WHERE m.idempotencyKey IN $keys RETURN collect(m.idempotencyKey) AS keys",
            keys=sorted(keys),
        )
        return set(result.records[0]["keys"])
    finally:
        await db.close()


async def _websocket_refusal(base_url: str) -> Any:
    """A subscription's handshake with a token to look up, while Neo4j is down: the HTTP answer it gets."""
    url = base_url.replace("http://", "ws://") + "/graphql"
    began = time.monotonic()
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            url, subprotocols=[Subprotocol("graphql-transport-ws")], additional_headers=_bearer(_secret())
        ):
            pass
    assert time.monotonic() - began < BOUND_S
    return refused.value.response


def _client_push(base_url: str, token: str) -> PushStatus:
    """The Python client, started while Neo4j is down, retrying (503, Retry-After) until it is back."""
    patient = RetryPolicy(attempts=100, base_delay=0.5, max_delay=2.0)
    with Client(f"{base_url}/graphql", token=token, retry=patient, timeout=30) as ag:
        item = ag.push_value(
            key_result_id="kr-discover-tutorial",
            value=42.0,
            source="outage-client",
            observed_at=START,
            idempotency_key="outage-client",
        )
    return item.status


async def test_neo4j_killed_during_pushes(
    own_neo4j: local_neo4j.RunningServer, served: tuple[str, str]
) -> None:
    base_url, token = served
    answers, stop = Answers(), asyncio.Event()
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        # Remember the push token (the unknown-token loop still asks Neo4j every time).
        assert (
            await http.post("/graphql", json={"query": "{ __typename }"}, headers=_bearer(token))
        ).status_code == 200
        loops = [
            asyncio.create_task(_push_loop(http, token, answers, stop)),
            asyncio.create_task(_unknown_token_loop(http, answers, stop)),
        ]
        await asyncio.sleep(3)
        answers.phase, answers.killed_at = "down", time.monotonic()
        os.kill(own_neo4j.pid, signal.SIGKILL)
        await asyncio.sleep(UNAVAILABLE_S * 3)
        handshake = await _websocket_refusal(base_url)
        assert handshake.status_code == 503 and handshake.headers["retry-after"] == "2", handshake
        client = asyncio.create_task(asyncio.to_thread(_client_push, base_url, token))
        await asyncio.sleep(UNAVAILABLE_S)
        assert not client.done(), "the client should still be retrying while Neo4j is down"
        restarted = await asyncio.to_thread(local_neo4j.start, NAME, heap_mb=512, pagecache_mb=64, quiet=True)
        answers.phase = "back"
        # The API keeps its NEO4J_URI: the restarted server must listen where the old one did.
        assert restarted.port == own_neo4j.port
        # A Neo4j killed mid-write recovers its store first; on 2 busy cores that can take a while.
        assert await asyncio.wait_for(client, 180) == PushStatus.ACCEPTED
        await asyncio.sleep(3)
        stop.set()
        await asyncio.gather(*loops)

    down = [a for a in answers.seen if a[0] == "down"]
    assert len(down) >= 4, answers.seen
    # The kill may catch a request in flight; each answer is then one of two, nothing else (no 500, no INTERNAL).
    for phase, status, code, *_ in answers.seen:
        assert (status, code) in {(200, "OK"), (200, "UNAUTHENTICATED"), (503, "UNAVAILABLE")}, (
            phase,
            status,
            code,
        )
    assert any(code == "UNAVAILABLE" for _, _, code, *_ in down)
    waited = answers.waited_while_down()
    assert max(waited) < BOUND_S, sorted(waited)
    # Once it is back, the last answers of each loop succeed again.
    back = [a for a in answers.seen if a[0] == "back"]
    assert back and back[-1][1] == 200 and any(code == "OK" for _, _, code, *_ in back), back
    acknowledged = answers.acknowledged | {"outage-client"}
    assert await _stored(restarted.uri, acknowledged) == acknowledged
