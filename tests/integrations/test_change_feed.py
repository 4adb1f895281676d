"""The change feed in Neo4j that carries live updates across processes (graph/integrations/change_feed.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from api.settings import Settings
from graph.core.db import Database
from tests.integrations.test_subscription import (
    Running,
    acked,
    collect,
    push,
    receive,
    running_server,
    subscribe,
    value,
)


@pytest.fixture
async def server(db: Database, settings: Settings, admin_token: str, demo: Any) -> AsyncIterator[Running]:
    async with running_server(db, settings, admin_token) as running:
        yield running


KEY_RESULTS = ["kr-discover-completion", "kr-sre-availability", "kr-discover-tickets", "kr-discover-tutorial"]


async def _changes(db: Database, after: int = 0) -> tuple[int, list[dict[str, Any]]]:
    (row,) = await db.read("events/read_changes", after=after, limit=1000)
    return row["head"], row["changes"]


async def test_concurrent_writes_are_numbered_one_by_one_and_a_refused_push_records_nothing(
    server: Running, db: Database
) -> None:
    pushes = [
        push(
            server.gql, value(kr, 50.0 + n, f"2026-01-{n + 1:02}T10:00:00Z", idempotencyKey=f"feed-{kr}-{n}")
        )
        for n in range(5)
        for kr in KEY_RESULTS
    ]
    results = await asyncio.gather(*pushes)
    assert all(result["accepted"] == 1 for result in results)
    refused = await push(server.gql, value("kr-nope", 1.0, "2026-01-01T10:00:00Z"))
    assert refused["rejected"] == 1
    again = value(
        "kr-discover-completion", 50.0, "2026-01-01T10:00:00Z", idempotencyKey="feed-kr-discover-completion-0"
    )
    duplicate = await push(server.gql, again)
    assert duplicate["accepted"] == 0

    head, changes = await _changes(db)
    assert head == len(pushes) == 20
    assert [c["seq"] for c in changes] == list(range(1, 21))
    assert all(c["cause"] == "PUSH" and len(c["keyResultIds"]) == 1 for c in changes)
    assert sorted(c["keyResultIds"][0] for c in changes) == sorted(KEY_RESULTS * 5)
    assert await _changes(db, after=15) == (20, changes[15:])


async def test_an_edit_records_one_edit_change(server: Running, db: Database) -> None:
    edit = (
        'mutation { updateKeyResult(id: "kr-discover-completion", input: {current: 61, title: "T"}) { id } }'
    )
    await server.gql.ok(edit)
    head, changes = await _changes(db)
    assert (head, [(c["cause"], c["keyResultIds"]) for c in changes]) == (
        1,
        [("EDIT", ["kr-discover-completion"])],
    )


async def test_changes_that_expired_unread_are_reported_as_missed(server: Running, db: Database) -> None:
    server.feed.poll_s = 60.0  # only a write of this process wakes the reader
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "all")
        await server.wait_for_subscribers(1)
        # Two changes recorded by "another process" (straight in a transaction, which wakes no reader here)
        # expire before this process reads them; the next one arrives saying 2 were missed.
        await _record_elsewhere(db, ["kr-discover-completion"])
        await _record_elsewhere(db, ["kr-sre-availability"])
        await db.driver.execute_query("MATCH (c:Change) DETACH DELETE c")
        await push(server.gql, value("kr-discover-tickets", 41.0, "2026-01-12T00:00:00Z"))
        seen = await collect(ws, lambda s: bool(s.get("all")))
    assert [(e["keyResultId"], e["missed"]) for e in seen["all"]] == [("kr-discover-tickets", 2)]


async def test_a_feed_reset_under_a_running_reader_does_not_stop_live_updates(
    server: Running, db: Database
) -> None:
    async with acked(server.ws_url, server.gql.token) as ws:
        await subscribe(ws, "all")
        await server.wait_for_subscribers(1)
        for n in range(3):
            await push(server.gql, value("kr-discover-completion", 60.0 + n, f"2026-01-0{n + 1}T10:00:00Z"))
            assert (await receive(ws))["payload"]["data"]["keyResultUpdated"]["current"] == 60.0 + n
        # Someone wipes the feed (a restore, a cleanup): numbering starts again at 1, and the reader follows.
        await db.driver.execute_query("MATCH (n) WHERE n:ChangeFeed OR n:Change DETACH DELETE n")
        await push(server.gql, value("kr-sre-availability", 99.1, "2026-01-05T10:00:00Z"))
        event = (await receive(ws))["payload"]["data"]["keyResultUpdated"]
    assert (event["keyResultId"], event["current"], event["missed"]) == ("kr-sre-availability", 99.1, 0)
    assert (await _changes(db))[0] == 1


async def test_a_write_through_another_app_reaches_this_apps_subscribers(
    server: Running, db: Database, settings: Any, admin_token: str
) -> None:
    """Two apps with their own feeds over one Neo4j, as two replicas behind a load balancer."""
    async with running_server(db, settings, admin_token) as replica:
        async with acked(server.ws_url, server.gql.token) as ws:
            await subscribe(ws, "all")
            await server.wait_for_subscribers(1)
            await push(replica.gql, value("kr-discover-completion", 77.0, "2026-01-20T10:00:00Z"))
            event = (await receive(ws))["payload"]["data"]["keyResultUpdated"]
        assert replica.hub.subscribers == 0
    assert (event["keyResultId"], event["current"]) == ("kr-discover-completion", 77.0)


async def _record_elsewhere(db: Database, ids: list[str]) -> None:
    async def work(tx: Any) -> None:
        await tx.run("events/record_change", keyResultIds=ids, cause="PUSH", keepMinutes=10)

    await db.write(work)
