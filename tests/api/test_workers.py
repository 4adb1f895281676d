"""`aligngraph serve --workers 2`: two worker processes behind one port share revocation and live updates.

Which worker serves a connection is the kernel's choice, so the test opens connections until it holds one
on each worker, telling them apart by the socket each worker process holds (/proc). Then it pushes through
one worker and listens on the other, and revokes a token with the CLI while both workers have it cached.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from graph.core.db import Database
from graph.integrations.tokens import create_token

BIN = Path(sys.executable).parent
CACHE_S = 1.0
WAIT_S = 60.0
SUBSCRIBE = 'subscription { keyResultUpdated(keyResultId: "kr-discover-completion") { current cause } }'
PUSH = 'mutation($v: Float!, $at: DateTime!) { pushKeyResultValues(values: [{keyResultId: "kr-discover-completion", value: $v, observedAt: $at, source: "workers"}]) { accepted } }'
READ = '{ keyResult(id: "kr-discover-completion") { id } }'


@dataclass
class Workers:
    port: int
    pids: list[int]
    env: dict[str, str]

    def worker_of(self, client_port: int) -> int | None:
        """The worker process holding the server side of the connection from this client port."""
        inode = _server_socket_inode(self.port, client_port)
        for pid in self.pids:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    if os.readlink(fd) == f"socket:[{inode}]":
                        return pid
                except OSError:
                    continue
        return None


def _server_socket_inode(server_port: int, client_port: int) -> str | None:
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) == server_port and int(remote.split(":")[1], 16) == client_port:
            return inode
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def workers(neo4j_uri: str, demo: Any) -> Iterator[Workers]:
    port = _free_port()
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "AG_TOKEN_CACHE_SECONDS": str(CACHE_S),
        "AG_FEED_POLL_SECONDS": "0.1",
    }
    server = subprocess.Popen(
        [str(BIN / "aligngraph"), "serve", "--workers", "2", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        pids = _wait_for_workers(server, port, 2)
        yield Workers(port, pids, env)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_workers(server: subprocess.Popen[bytes], port: int, count: int) -> list[int]:
    """The spawned worker processes once each has opened its app (they share the port's listening socket)."""
    give_up = time.monotonic() + WAIT_S
    while time.monotonic() < give_up:
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        spawned = [int(pid) for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        ready = (server.stderr is not None) and len(spawned) == count
        if ready and _answers(port):
            time.sleep(
                2
            )  # both workers' start-up (each opens its driver) ends within this on a quiet machine
            return spawned
        time.sleep(0.2)
    raise AssertionError("the workers did not start")


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/readyz")
        return connection.getresponse().status == 200
    except OSError:
        return False


def _post(connection: http.client.HTTPConnection, token: str, query: str, **variables: Any) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables})
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    connection.request("POST", "/graphql", body=body, headers=headers)
    answer: dict[str, Any] = json.loads(connection.getresponse().read())
    return answer


def _http_on_each_worker(workers: Workers) -> dict[int, http.client.HTTPConnection]:
    """One kept-alive HTTP connection served by each worker."""
    found: dict[int, http.client.HTTPConnection] = {}
    for _ in range(100):
        connection = http.client.HTTPConnection("127.0.0.1", workers.port, timeout=30)
        connection.connect()
        assert connection.sock is not None
        pid = workers.worker_of(connection.sock.getsockname()[1])
        if pid is not None and pid not in found:
            found[pid] = connection
            if len(found) == len(workers.pids):
                return found
        else:
            connection.close()
    raise AssertionError("could not reach every worker")


async def _ws_on_each_worker(
    workers: Workers, token: str, stack: AsyncExitStack
) -> dict[int, ClientConnection]:
    found: dict[int, ClientConnection] = {}
    for _ in range(100):
        ws = await stack.enter_async_context(
            connect(
                f"ws://127.0.0.1:{workers.port}/graphql", subprotocols=[Subprotocol("graphql-transport-ws")]
            )
        )
        pid = workers.worker_of(ws.transport.get_extra_info("sockname")[1])
        if pid is not None and pid not in found:
            await ws.send(
                json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
            )
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(json.dumps({"id": "kr", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
            found[pid] = ws
            if len(found) == len(workers.pids):
                return found
        else:
            await ws.close()
    raise AssertionError("could not reach every worker")


async def _next_current(ws: ClientConnection, seconds: float) -> float | None:
    try:
        async with asyncio.timeout(seconds):
            message = json.loads(await ws.recv())
    except TimeoutError:
        return None
    assert message["type"] == "next", message
    current: float = message["payload"]["data"]["keyResultUpdated"]["current"]
    return current


async def test_a_push_through_one_worker_reaches_a_subscriber_on_the_other(
    db: Database, workers: Workers
) -> None:
    _, token = await create_token(db, name="lead", scopes=["admin"])
    async with AsyncExitStack() as stack:
        listeners = await _ws_on_each_worker(workers, token, stack)
        writers = await asyncio.to_thread(_http_on_each_worker, workers)
        value = 10.0
        pushed: list[float] = []  # every listener hears every push, the ones it waited for and the others
        for writer_pid, writer in writers.items():
            (listener,) = [ws for pid, ws in listeners.items() if pid != writer_pid]
            # The subscription registers in the worker's own time: push until the first update arrives (and
            # read what else is on its way); from then on every push arrives, once, in order.
            heard: list[float] = []
            give_up = time.monotonic() + WAIT_S
            while not heard and time.monotonic() < give_up:
                value += 1
                answer = await asyncio.to_thread(_post, writer, token, PUSH, v=value, at=_at(value))
                assert answer["data"]["pushKeyResultValues"]["accepted"] == 1, answer
                pushed.append(value)
                while (current := await _next_current(listener, 2.0)) is not None:
                    heard.append(current)
            assert heard and heard == sorted(set(heard)) and set(heard) <= set(pushed), (heard, pushed)
            assert heard[-1] == value
            for _ in range(3):
                value += 1
                await asyncio.to_thread(_post, writer, token, PUSH, v=value, at=_at(value))
                pushed.append(value)
                assert await _next_current(listener, 10.0) == value


async def test_a_token_revoked_with_the_cli_stops_working_on_every_worker_within_the_cache_window(
    db: Database, workers: Workers
) -> None:
    info, token = await create_token(db, name="reader", scopes=["read"])
    connections = await asyncio.to_thread(_http_on_each_worker, workers)
    for connection in connections.values():  # each worker has now looked the token up and cached it
        assert "errors" not in await asyncio.to_thread(_post, connection, token, READ)
    revoke = [str(BIN / "aligngraph"), "token", "revoke", info.id]
    await asyncio.to_thread(subprocess.run, revoke, env=workers.env, check=True, capture_output=True)
    revoked_at = time.monotonic()
    refused: dict[int, float] = {}
    while len(refused) < len(connections) and time.monotonic() - revoked_at < CACHE_S + 10:
        for pid, connection in connections.items():
            answer = await asyncio.to_thread(_post, connection, token, READ)
            if pid not in refused and answer.get("errors"):
                assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", answer
                refused[pid] = time.monotonic() - revoked_at
        await asyncio.sleep(0.1)
    assert sorted(refused) == sorted(connections), refused
    assert max(refused.values()) <= CACHE_S + 2.0, refused


START = time.time() - 3600


def _at(value: float) -> str:
    """A distinct observedAt per value, later for a later value (and never in the future)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START + value))
