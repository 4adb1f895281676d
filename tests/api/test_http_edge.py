"""The HTTP edge: documents that would cost exponential time, oversized and malformed bodies, readiness,
subscriptions and operation selection over HTTP, and what refusals write to the log."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import socket
import time
from typing import Any

import httpx
import pytest
import strawberry
from graphql import get_introspection_query

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from resolvers.core.errors import DomainErrors, Schema
from tests.conftest import GraphQL
from tests.live_server import LiveServer, serving


def doubling(levels: int) -> str:
    """The issue's document: F0 spreads F1 twice, ..., F24 spreads F25 twice (2^25 __typename once expanded)."""
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))
    return f"query {{ ...F0 }} {fragments} fragment F{levels} on Query {{ __typename }}"


def code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


# --- documents that expand exponentially --------------------------------------------------------------------


async def test_doubling_fragments_are_refused_at_once_while_livez_answers(live_server: LiveServer) -> None:
    document = doubling(25)
    assert len(document) < 1100
    async with httpx.AsyncClient(base_url=live_server.base_url, timeout=30) as http:

        async def post() -> tuple[float, httpx.Response]:
            # CPU time of this process (client and server, which runs in this event loop): unlike the wall
            # clock it does not grow when the other jobs on a shared machine take the CPU.
            started = time.process_time()
            response = await http.post("/graphql", json={"query": document})  # no token
            return time.process_time() - started, response

        (_, refused), livez = await asyncio.gather(post(), http.get("/livez", timeout=2))
        assert livez.status_code == 200
        assert refused.status_code == 200
        body = refused.json()
        assert body["data"] is None
        assert code(body) == "BAD_REQUEST"
        assert (
            body["errors"][0]["message"] == "33554432 fields found once fragments are expanded. Allowed: 1000"
        )
        # Refused in under 50 ms of CPU (the best of three round trips over a real socket); it took minutes.
        assert min([(await post())[0] for _ in range(3)]) < 0.05


def _ancestry_fragments(parents: int) -> str:
    """team { id parent { ...P1 } } with P1 .. P<parents> each one `parent` deeper: depth `parents + 1`."""
    fragments = [f"fragment P{i} on Team {{ id parent {{ ...P{i + 1} }} }}" for i in range(1, parents)]
    fragments.append(f"fragment P{parents} on Team {{ id }}")
    return '{ team(id: "team-discover") { id parent { ...P1 } } } ' + " ".join(fragments)


@pytest.mark.usefixtures("demo")
async def test_depth_counts_through_fragments(gql: GraphQL) -> None:
    # The innermost id of 11 fragments sits at depth 12, the limit; 12 fragments put it at 13.
    data = await gql.ok(_ancestry_fragments(11))
    assert data["team"]["parent"]["id"] == "bu-digital"
    error = await gql.error(_ancestry_fragments(12))
    assert error["message"] == "'anonymous' exceeds maximum operation depth of 12"
    assert error["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.usefixtures("demo")
async def test_aliases_count_every_spread_of_a_fragment(gql: GraphQL) -> None:
    def document(aliases: int) -> str:
        fields = " ".join(f'a{i}: organisation(id: "org-bank") {{ id }}' for i in range(aliases))
        return f"{{ ...A ...B }} fragment A on Query {{ {fields} }} fragment B on Query {{ ...A }}"

    assert len(await gql.ok(document(15))) == 15  # 15 aliases, spread twice: 30, the limit
    error = await gql.error(document(16))
    assert error["message"] == "32 aliases found. Allowed: 30"
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_fragment_cycles_are_refused(gql: GraphQL) -> None:
    error = await gql.error(
        "{ ...A } fragment A on Query { ...B } fragment B on Query { __typename ...C } fragment C on Query { ...A }"
    )
    assert error["message"] == "Cannot spread fragment 'A' within itself via 'B', 'C'."
    assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_fields_repeated_at_one_path_are_refused_quickly(gql: GraphQL) -> None:
    assert await gql.ok("{ " + " ".join(["__typename"] * 10) + " }") == {"__typename": "Query"}
    # graphql-core compares the fields at one response path pairwise: these took 2 s and 1.5 s there.
    inner = " ".join(["id"] * 9)
    middle = " ".join([f"parent {{ {inner} }}"] * 9)
    for document, message in [
        ("{ " + " ".join(['team(id: "x") { id }'] * 440) + " }", "'team' is selected 440 times"),
        (
            "{ " + " ".join([f'team(id: "x") {{ {middle} }}'] * 9) + " }",
            "'team.parent.id' is selected 729 times",
        ),
        (
            "{ ...A ...B } fragment A on Query { "
            + " ".join(["__typename"] * 6)
            + " } fragment B on Query { ...A }",
            "'__typename' is selected 12 times",
        ),
    ]:
        started = time.process_time()  # CPU time of client and in-process app: steady on a busy machine
        error = await gql.error(document)
        assert time.process_time() - started < 0.5
        assert error["message"] == f"{message} once fragments are expanded. Allowed: 10"
        assert error["extensions"]["code"] == "BAD_REQUEST"


async def test_graphiql_introspection_query_passes_the_limits(gql: GraphQL) -> None:
    data = await gql.as_token(None).ok(get_introspection_query(descriptions=True))
    assert data["__schema"]["queryType"]["name"] == "Query"


# --- body size and time ---------------------------------------------------------------------------------------


async def _raw_request(url: str, head: bytes, body: bytes = b"", *, wait_s: float = 5) -> bytes:
    """Send raw bytes to the live server and return everything it answers before closing (or `wait_s`)."""
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(head + body)
    await writer.drain()
    answer = b""
    try:
        async with asyncio.timeout(wait_s):
            while chunk := await reader.read(65536):
                answer += chunk
    except TimeoutError:
        answer += b"<still open>"
    writer.close()
    return answer


def _status_and_json(answer: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body.removesuffix(b"<still open>"))


async def test_a_huge_content_length_gets_413_at_once_and_the_connection_closes(
    live_server: LiveServer,
) -> None:
    head = (
        b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Content-Length: 10000000000\r\n\r\n"
    )
    started = time.perf_counter()
    answer = await _raw_request(live_server.base_url, head, b'{"query": "{ __typ')
    assert time.perf_counter() - started < 2
    assert not answer.endswith(b"<still open>")
    status, body = _status_and_json(answer)
    assert status == 413
    assert body["errors"][0]["extensions"] == {
        "code": "BAD_REQUEST",
        "field": "body",
        "value": 8 * 1024 * 1024,
    }
    assert "AG_MAX_BODY_BYTES" in body["errors"][0]["message"]


async def test_a_chunked_body_is_cut_off_at_the_limit(db: Database) -> None:
    settings = Settings(max_body_bytes=64 * 1024)
    async with serving(create_app(settings, db=db), settings) as live:
        host, port = live.base_url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        sent = 0
        chunk = b"x" * 4096
        answer = b""
        async with asyncio.timeout(10):
            while not answer:
                if sent < 10 * 1024 * 1024:  # a client that would send 10 MB
                    writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    await writer.drain()
                    sent += len(chunk)
                try:
                    answer = await asyncio.wait_for(reader.read(65536), 0.01)
                except TimeoutError:
                    continue
        writer.close()
        assert answer.startswith(b"HTTP/1.1 413")
        assert sent < 1024 * 1024  # refused long before the client was done


async def test_a_body_slower_than_the_timeout_gets_408(db: Database) -> None:
    settings = Settings(body_timeout_seconds=0.5)
    async with serving(create_app(settings, db=db), settings) as live:
        head = b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        started = time.perf_counter()
        answer = await _raw_request(live.base_url, head, b'{"query":')
        assert time.perf_counter() - started < 3
    status, body = _status_and_json(answer)
    assert status == 408
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_body_over_the_limit_gets_413(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": "' + b" " * (8 * 1024 * 1024) + b'{ __typename }"}'
    )
    assert response.status_code == 413
    assert code(response.json()) == "BAD_REQUEST"


@pytest.mark.usefixtures("demo")
async def test_the_largest_push_fits_in_the_body_limit(gql: GraphQL, client: httpx.AsyncClient) -> None:
    # 10,000 values as the Python client sends them (an idempotency key each): about 1.9 MB.
    start = dt.datetime(2026, 1, 20, 9, tzinfo=dt.UTC)
    values = [
        {
            "keyResultId": "kr-discover-completion",
            "value": 70 + i / 1000,
            "observedAt": (start + dt.timedelta(minutes=i)).isoformat(),
            "source": "amplitude",
            "idempotencyKey": f"agc:{i:08d}-978e-4773-96ab-8a8badfd1e0c",
        }
        for i in range(10_000)
    ]
    body = {
        "query": "mutation($values: [KeyResultValueInput!]!) { pushKeyResultValues(values: $values) { accepted } }",
        "variables": {"values": values},
    }
    assert len(json.dumps(body)) > 1_800_000
    response = await client.post("/graphql", json=body, headers={"Authorization": f"Bearer {gql.token}"})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["pushKeyResultValues"]["accepted"] == 10_000


# --- malformed bodies -----------------------------------------------------------------------------------------

DEEP = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize(
    "body",
    [
        b"42",
        b'"x"',
        b"null",
        b"true",
        b'{"query": "{ __typename }", "variables": {"x": "caf\xe9"}}',  # Latin-1, not UTF-8
        b"\xff\xfe{\x00}\x00",
        DEEP.encode(),
        ("[" * 100_000 + "]" * 100_000).encode(),
        b'{"query": "{ __typename }", "variables": {"v": ' + DEEP.encode() + b"}}",
        b'{"query": "{ __typename }", "operationName": 5}',
        b'{"query": "{ __typename ',
    ],
)
async def test_malformed_bodies_get_400_with_a_code(client: httpx.AsyncClient, body: bytes) -> None:
    response = await client.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["data"] is None
    assert code(response.json()) == "BAD_REQUEST"


@pytest.mark.parametrize("variables", [DEEP, "[" * 5000 + "]" * 5000, "42", "nope"])
async def test_malformed_get_variables_get_400_with_a_code(client: httpx.AsyncClient, variables: str) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }", "variables": variables})
    assert response.status_code == 400, response.text
    assert code(response.json()) == "BAD_REQUEST"


# --- subscriptions and operation selection over HTTP ---------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "GET"])
async def test_a_subscription_over_http_is_told_to_use_the_websocket(gql: GraphQL, method: str) -> None:
    query = 'subscription { keyResultUpdated(keyResultId: "kr-discover-completion") { keyResultId } }'
    headers = {"Authorization": f"Bearer {gql.token}"}
    if method == "POST":
        response = await gql.http.post("/graphql", json={"query": query}, headers=headers)
    else:
        response = await gql.http.get("/graphql", params={"query": query}, headers=headers)
    body = response.json()
    assert code(body) == "BAD_REQUEST", body
    assert "websocket" in body["errors"][0]["message"]


async def test_two_operations_need_an_operation_name(gql: GraphQL) -> None:
    document = "query A { a: __typename } query B { b: __typename }"
    error = await gql.error(document)
    assert error["message"] == "The document holds 2 operations: send `operationName` to pick one"
    assert error["extensions"]["code"] == "BAD_REQUEST"
    response = await gql.http.post("/graphql", json={"query": document, "operationName": "B"})
    assert response.json()["data"] == {"b": "Query"}
    response = await gql.http.post("/graphql", json={"query": document, "operationName": "C"})
    assert response.status_code == 400
    assert code(response.json()) == "BAD_REQUEST"


# --- liveness and readiness ---------------------------------------------------------------------------------


async def test_readyz_and_livez_with_neo4j_up(client: httpx.AsyncClient) -> None:
    assert (await client.get("/livez")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ok"}
    assert (await client.get("/health")).status_code == 200


async def test_readyz_is_503_without_addresses_while_neo4j_is_unreachable() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = Database.connect(f"bolt://127.0.0.1:{port}", user="neo4j", password="unused")
    try:
        app = create_app(Settings(), db=nowhere)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            assert (await http.get("/livez")).status_code == 200
            for path in ("/readyz", "/health"):
                started = time.perf_counter()
                response = await http.get(path)
                assert time.perf_counter() - started < 5
                assert response.status_code == 503
                assert "127.0.0.1" not in response.text and str(port) not in response.text
                assert "bolt" not in response.text
    finally:
        await nowhere.close()


# --- logs ---------------------------------------------------------------------------------------------------


async def test_refusals_are_logged_in_one_line_without_a_traceback(
    gql: GraphQL, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    anonymous = gql.as_token(None)
    assert (await anonymous.error('mutation { deleteTeam(id: "team-x") { id } }'))["extensions"][
        "code"
    ] == "UNAUTHENTICATED"
    assert (await gql.error('{ rollup(objectiveId: "nope") { ownProgress } }'))["extensions"][
        "code"
    ] == "NOT_FOUND"
    assert (await gql.error("{ nope }"))["extensions"]["code"] == "BAD_REQUEST"
    await gql.http.post("/graphql", content=b"42", headers={"Content-Type": "application/json"})
    assert not [r for r in caplog.records if r.exc_info], "a refusal logged a traceback"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    lines = [r.getMessage() for r in caplog.records if r.name == "aligngraph.errors"]
    for expected in ("UNAUTHENTICATED", "NOT_FOUND", "BAD_REQUEST in anonymous", "BAD_REQUEST (HTTP 400)"):
        assert any(line.startswith(f"refused {expected}") for line in lines), lines
    assert all("\n" not in line for line in lines)


@strawberry.type
class _Broken:
    @strawberry.field
    def boom(self) -> int:
        raise RuntimeError("a bug")


async def test_unexpected_errors_keep_their_traceback(caplog: pytest.LogCaptureFixture) -> None:
    schema = Schema(query=_Broken, extensions=[DomainErrors])
    result = await schema.execute("{ boom }")
    assert result.errors and result.errors[0].extensions == {"code": "INTERNAL"}
    logged = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info]
    assert len(logged) == 1
    assert "RuntimeError" in caplog.text
