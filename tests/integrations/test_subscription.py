"""keyResultUpdated over graphql-transport-ws: a real uvicorn on a free port, a real websocket client."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from graph.integrations.change_feed import ChangeFeed
from graph.integrations.events import KeyResultUpdate, UpdateCause, UpdateFilter, UpdateHub
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL
from tests.live_server import serving

SUBSCRIBE = """
subscription Updates($keyResultId: ID, $objectiveId: ID, $teamId: ID) {
  keyResultUpdated(keyResultId: $keyResultId, objectiveId: $objectiveId, teamId: $teamId) {
    keyResultId objectiveId teamId current progress lastObservedAt cause missed
  }
}
"""
PUSH = """
mutation Push($values: [KeyResultValueInput!]!) {
  pushKeyResultValues(values: $values) { accepted duplicates rejected items { status reason } }
}
"""
EDIT = """
mutation Edit($id: ID!, $input: UpdateKeyResultInput!) { updateKeyResult(id: $id, input: $input) { id current } }
"""
READ_KR = "query KR($id: ID!) { keyResult(id: $id) { current progress lastObservedAt } }"
WAIT_S = 10.0


@dataclass
class Running:
    app: FastAPI
    ws_url: str
    gql: GraphQL  # over real HTTP to the same server, as an admin

    @property
    def feed(self) -> ChangeFeed:
        feed: ChangeFeed = self.app.state.events
        return feed

    @property
    def hub(self) -> UpdateHub:
        return self.feed.hub

    async def wait_for_subscribers(self, count: int) -> None:
        """The server registers a subscription in its own task; wait until it has (or fail)."""
        async with asyncio.timeout(WAIT_S):
            while True:
                if self.hub.subscribers == count:
                    return
                await asyncio.sleep(0.01)


@asynccontextmanager
async def running_server(db: Database, settings: Settings, token: str) -> AsyncIterator[Running]:
    """uvicorn serving create_app(settings, db=db) in this event loop, on a free port."""
    async with (
        serving(create_app(settings, db=db)) as live,
        # A busy shared machine: allow slow answers.
        httpx.AsyncClient(base_url=live.base_url, timeout=60) as http,
    ):
        yield Running(live.app, live.graphql_url.replace("http://", "ws://"), GraphQL(http, token))


@pytest.fixture
async def server(db: Database, settings: Settings, admin_token: str, demo: Any) -> AsyncIterator[Running]:
    assert not settings.public_reads  # reads need a token on this server
    async with running_server(db, settings, admin_token) as running:
        yield running


@asynccontextmanager
async def ws_session(url: str, payload: dict[str, Any] | None) -> AsyncIterator[ClientConnection]:
    """Open a graphql-transport-ws connection and send connection_init with this payload."""
    async with connect(url, subprotocols=[Subprotocol("graphql-transport-ws")]) as ws:
        assert ws.subprotocol == "graphql-transport-ws"
        await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
        yield ws


@asynccontextmanager
async def acked(url: str, token: str | None) -> AsyncIterator[ClientConnection]:
    payload = {"authorization": f"Bearer {token}"} if token else {}
    async with ws_session(url, payload) as ws:
        assert await receive(ws) == {"type": "connection_ack"}
        yield ws


async def receive(ws: ClientConnection) -> dict[str, Any]:
    async with asyncio.timeout(WAIT_S):
        message: dict[str, Any] = json.loads(await ws.recv())
    return message


async def subscribe(ws: ClientConnection, op_id: str, **variables: str) -> None:
    payload = {"query": SUBSCRIBE, "variables": variables}
    await ws.send(json.dumps({"id": op_id, "type": "subscribe", "payload": payload}))


async def collect(
    ws: ClientConnection, done: Callable[[dict[str, list[dict[str, Any]]]], bool]
) -> dict[str, list[dict[str, Any]]]:
    """Read `next` messages, grouped by subscription id, until `done` says enough has arrived."""
    seen: dict[str, list[dict[str, Any]]] = {}
    while not done(seen):
        message = await receive(ws)
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message
        seen.setdefault(message["id"], []).append(message["payload"]["data"]["keyResultUpdated"])
    return seen


def value(kr: str, number: float, at: str, **extra: Any) -> dict[str, Any]:
    return {"keyResultId": kr, "value": number, "observedAt": at, "source": "test", **extra}


async def push(gql: GraphQL, *values: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.ok(PUSH, values=list(values)))["pushKeyResultValues"]
    return result


async def test_a_committed_push_arrives_with_the_current_and_progress_the_api_reads(server: Running) -> None:
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "1", keyResultId="kr-discover-completion")
        await server.wait_for_subscribers(1)
        result = await push(server.gql, value("kr-discover-completion", 71.5, "2026-01-20T09:00:00Z"))
        assert result["accepted"] == 1

        message = await receive(ws)
        assert message["type"] == "next" and message["id"] == "1", message
        event = message["payload"]["data"]["keyResultUpdated"]
        stored = (await server.gql.ok(READ_KR, id="kr-discover-completion"))["keyResult"]
        assert event["current"] == stored["current"] == 71.5
        assert event["progress"] == stored["progress"] and 0 < event["progress"] < 1
        assert dt.datetime.fromisoformat(event["lastObservedAt"]) == dt.datetime(
            2026, 1, 20, 9, tzinfo=dt.UTC
        )
        assert event["keyResultId"] == "kr-discover-completion"
        assert (event["objectiveId"], event["teamId"]) == ("obj-discover-q1", "team-discover")
        assert (event["cause"], event["missed"]) == ("PUSH", 0)

        # Completing the subscription unregisters it on the server.
        await ws.send(json.dumps({"id": "1", "type": "complete"}))
        await server.wait_for_subscribers(0)


async def test_a_push_of_many_values_sends_one_update_per_changed_key_result(
    server: Running, db: Database
) -> None:
    def batch(day: int) -> list[dict[str, Any]]:
        return [
            value("kr-discover-completion", 60.0 + day, f"2026-01-{day:02}T10:00:00Z"),
            value("kr-discover-completion", 66.0 + day, f"2026-01-{day:02}T12:00:00Z"),  # latest: current
            value("kr-discover-completion", 50.0 + day, f"2026-01-{day:02}T05:00:00Z"),  # late: history only
            value("kr-sre-availability", 99.5, f"2026-01-{day:02}T11:00:00Z"),
            value("kr-sre-availability", 99.7, f"2026-01-{day:02}T12:00:00Z"),
        ]

    # Without subscribers, the push reads nothing back; with one, this process reads the change feed once and
    # the committed state of all the push's KRs once (the poll interval is long here, so only the push's
    # own wake-up reads the feed).
    await push(server.gql, *batch(1))  # the server now remembers the token: the next pushes count alike
    before = db.query_count
    await push(server.gql, *batch(2))
    quiet = db.query_count - before

    server.feed.poll_s = 60.0
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "all")
        await server.wait_for_subscribers(1)
        before = db.query_count
        result = await push(server.gql, *batch(3))
        assert result["accepted"] == 5
        seen = await collect(ws, lambda s: len(s.get("all", [])) >= 2)
        assert db.query_count - before == quiet + 2
        # The next push is the marker: nothing more of the first push arrives before it.
        await push(server.gql, value("kr-discover-tickets", 40.0, "2026-01-12T00:00:00Z"))
        seen["all"] += (
            await collect(
                ws, lambda s: any(e["keyResultId"] == "kr-discover-tickets" for e in s.get("all", []))
            )
        )["all"]

    updates = {(e["keyResultId"], e["current"]) for e in seen["all"][:-1]}
    assert len(seen["all"]) == 3
    assert updates == {("kr-discover-completion", 69.0), ("kr-sre-availability", 99.7)}


async def test_filters_by_key_result_objective_and_team_deliver_only_matching_updates(
    server: Running,
) -> None:
    filters = {
        "kr": {"keyResultId": "kr-discover-tutorial"},
        "objective": {"objectiveId": "obj-discover-q1"},
        "team": {"teamId": "team-sre"},
        "unit": {"teamId": "bu-digital"},  # a business unit covers the teams beneath it
        "company": {"teamId": "team-bank"},
    }
    async with acked(server.ws_url, server.gql.token) as ws:
        for op_id, variables in filters.items():
            await subscribe(ws, op_id, **variables)
        await server.wait_for_subscribers(len(filters))
        await push(
            server.gql,
            value("kr-discover-completion", 70.0, "2026-01-20T00:00:00Z"),
            value("kr-sre-availability", 99.9, "2026-01-20T00:00:00Z"),
        )
        # Marker: a push every subscription hears of, with values that say "second round".
        await push(
            server.gql,
            value("kr-discover-tutorial", 1.0, "2026-01-21T00:00:00Z"),
            value("kr-sre-availability", 1.0, "2026-01-21T00:00:00Z"),
        )

        def marked(seen: dict[str, list[dict[str, Any]]]) -> bool:
            wanted = {"kr": 1, "objective": 1, "team": 1, "unit": 1, "company": 2}
            return all(sum(e["current"] == 1.0 for e in seen.get(k, [])) == n for k, n in wanted.items())

        seen = await collect(ws, marked)

    first_round = {
        op: sorted(e["keyResultId"] for e in events if e["current"] != 1.0) for op, events in seen.items()
    }
    assert first_round == {
        "kr": [],
        "objective": ["kr-discover-completion"],
        "team": ["kr-sre-availability"],
        "unit": ["kr-discover-completion"],
        "company": ["kr-discover-completion", "kr-sre-availability"],
    }
    assert {e["teamId"] for e in seen["unit"]} == {"team-discover"}


async def test_rejected_duplicate_forbidden_and_failed_writes_publish_nothing(
    server: Running, db: Database
) -> None:
    sre_only = (await create_token(db, name="sre push", scopes=["push"], team_ids=["team-sre"]))[1]
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "all")
        await server.wait_for_subscribers(1)
        first = await push(
            server.gql, value("kr-discover-completion", 61.0, "2026-01-20T00:00:00Z", idempotencyKey="k1")
        )
        assert first["accepted"] == 1
        assert (await receive(ws))["payload"]["data"]["keyResultUpdated"]["current"] == 61.0

        rejected = await push(
            server.gql,
            value("kr-discover-tutorial", 5.0, future),  # OBSERVED_IN_FUTURE
            value("kr-discover-completion", 62.0, "2026-01-21T00:00:00Z", idempotencyKey="k1"),  # DUPLICATE
            value("kr-nope", 1.0, "2026-01-20T00:00:00Z"),  # UNKNOWN_KEY_RESULT
        )
        assert (rejected["accepted"], rejected["duplicates"], rejected["rejected"]) == (0, 1, 2)
        forbidden = await push(
            server.gql.as_token(sre_only), value("kr-discover-tickets", 9.0, "2026-01-20T00:00:00Z")
        )
        assert [i["reason"] for i in forbidden["items"]] == ["FORBIDDEN"]
        # A rolled-back edit: the rules refuse a weight of 0 inside the transaction.
        error = await server.gql.error(EDIT, id="kr-discover-tickets", input={"current": 3.0, "weight": 0.0})
        assert error["extensions"]["code"] == "VALIDATION"
        # An edit without a token fails before anything runs.
        error = await server.gql.as_token(None).error(EDIT, id="kr-discover-tickets", input={"current": 3.0})
        assert error["extensions"]["code"] == "UNAUTHENTICATED"

        # The marker is the very next update: nothing above published anything.
        await push(server.gql, value("kr-sre-availability", 98.0, "2026-01-20T00:00:00Z"))
        event = (await receive(ws))["payload"]["data"]["keyResultUpdated"]
        assert (event["keyResultId"], event["current"]) == ("kr-sre-availability", 98.0)


async def test_an_edit_through_update_key_result_fires(server: Running) -> None:
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "edits", objectiveId="obj-discover-q1")
        await server.wait_for_subscribers(1)
        await server.gql.ok(EDIT, id="kr-discover-tickets", input={"current": 25.0})
        event = (await receive(ws))["payload"]["data"]["keyResultUpdated"]
        stored = (await server.gql.ok(READ_KR, id="kr-discover-tickets"))["keyResult"]
        assert (event["keyResultId"], event["cause"], event["current"]) == (
            "kr-discover-tickets",
            "EDIT",
            25.0,
        )
        assert event["progress"] == stored["progress"] is not None


async def test_an_unknown_filter_id_is_not_found(server: Running) -> None:
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "x", teamId="team-nope")
        message = await receive(ws)
        assert (message["id"], message["type"]) == ("x", "next")
        error = message["payload"]["errors"][0]
        assert error["extensions"] == {"code": "NOT_FOUND", "field": "teamId", "value": "team-nope"}
        assert await receive(ws) == {"id": "x", "type": "complete"}
        assert server.hub.subscribers == 0


@pytest.mark.parametrize(
    "payload",
    [{}, {"authorization": "Bearer ag_not-a-real-token"}, {"authorization": "Token abc"}],
    ids=["no token", "unknown token", "malformed"],
)
async def test_a_missing_or_bad_token_is_refused_when_reads_need_one(
    server: Running, payload: dict[str, Any]
) -> None:
    async with ws_session(server.ws_url, payload) as ws:
        with pytest.raises(ConnectionClosed) as closed:
            await receive(ws)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    assert server.hub.subscribers == 0


async def test_a_read_token_may_subscribe_and_public_reads_need_none(
    server: Running, db: Database, settings: Settings
) -> None:
    reader = (await create_token(db, name="dashboard", scopes=["read"]))[1]
    async with acked(server.ws_url, reader) as ws:
        await subscribe(ws, "1", teamId="team-discover")
        await server.wait_for_subscribers(1)
        await push(server.gql, value("kr-discover-completion", 64.0, "2026-01-20T00:00:00Z"))
        assert (await receive(ws))["payload"]["data"]["keyResultUpdated"]["current"] == 64.0

    public = settings.model_copy(update={"public_reads": True})
    async with running_server(db, public, server.gql.token or "") as open_server:
        async with acked(open_server.ws_url, None) as ws:
            await subscribe(ws, "1")
            await open_server.wait_for_subscribers(1)
            await push(open_server.gql, value("kr-discover-completion", 65.0, "2026-01-21T00:00:00Z"))
            assert (await receive(ws))["payload"]["data"]["keyResultUpdated"]["current"] == 65.0
        # A token that is sent must still be good, even where reads are public.
        async with ws_session(open_server.ws_url, {"authorization": "Bearer ag_revoked"}) as ws:
            with pytest.raises(ConnectionClosed) as closed:
                await receive(ws)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


def update(kr: str, current: float) -> KeyResultUpdate:
    return KeyResultUpdate(kr, "obj", "team", frozenset({"team"}), current, None, None, UpdateCause.PUSH)


async def test_a_slow_subscriber_loses_its_oldest_updates_and_is_told_how_many() -> None:
    hub = UpdateHub(queue_size=3)
    with hub.subscribe(UpdateFilter()) as slow, hub.subscribe(UpdateFilter(key_result_id="kr-2")) as picky:
        hub.publish(update(f"kr-{n}", n) for n in range(10))  # never waits, however slow the readers are
        assert [await slow.next() for _ in range(3)] == [
            (update("kr-7", 7), 7),
            (update("kr-8", 8), 0),
            (update("kr-9", 9), 0),
        ]
        assert await picky.next() == (update("kr-2", 2), 0)
        assert (slow.dropped, picky.dropped) == (7, 0)
    assert hub.subscribers == 0


async def test_a_check_in_with_values_publishes_the_key_results_it_moved(server: Running) -> None:
    record = """
    mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }
    """
    observed = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).replace(microsecond=0)
    check_in = {
        "objectiveId": "obj-identity-q1",
        "confidence": 6,
        "plan": "Ship it.",
        "author": "Priya",
        "values": [
            {
                "keyResultId": "kr-identity-instant-verification",
                "value": 41.0,
                "observedAt": observed.isoformat(),
            }
        ],
    }
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "1", objectiveId="obj-identity-q1")
        await server.wait_for_subscribers(1)
        await server.gql.ok(record, input=check_in)
        message = await receive(ws)
    event = message["payload"]["data"]["keyResultUpdated"]
    stored = (await server.gql.ok(READ_KR, id="kr-identity-instant-verification"))["keyResult"]
    assert event["keyResultId"] == "kr-identity-instant-verification"
    assert event["current"] == stored["current"] == 41.0
    assert event["progress"] == stored["progress"]
    assert dt.datetime.fromisoformat(event["lastObservedAt"]) == observed
    assert event["cause"] == "PUSH"
