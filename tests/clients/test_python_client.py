"""The Python client (clients/python) against a real uvicorn serving the real app on the demo organisation.

Failures are injected by httpx transports wrapped around the real one: the service and Neo4j stay real.
The sync client blocks, so it runs in a thread while the server answers in the test's event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import json
import shutil
import socket
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import httpx
import pytest
from aligngraph_client import (
    AsyncClient,
    Client,
    Forbidden,
    KeyResultKind,
    KeyResultValueInput,
    NotFound,
    PushReason,
    PushStatus,
    RetryPolicy,
    ServiceUnavailable,
    Unauthenticated,
    ValidationFailed,
)
from aligngraph_client.operations import is_mutation
from graphql import OperationDefinitionNode, build_schema, parse, validate

from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL, count_nodes
from tests.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"
KRS = ["kr-discover-completion", "kr-discover-tutorial", "kr-discover-tickets", "kr-sre-availability"]
START = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=2)
FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)


def make_values(count: int, *, keys: str | None = None) -> list[KeyResultValueInput]:
    """`count` values over KRS, one second apart; with `keys`, idempotency keys f"{keys}-{i}"."""
    return [
        KeyResultValueInput(
            value=float(i % 97),
            observed_at=START + dt.timedelta(seconds=i),
            source="client-test",
            key_result_id=KRS[i % len(KRS)],
            idempotency_key=None if keys is None else f"{keys}-{i}",
        )
        for i in range(count)
    ]


class Recording(httpx.HTTPTransport):
    """The real transport, recording each request's JSON body; `fail` maps an attempt number to a failure:
    "503" answers 503 without reaching the service, "drop" lets the service answer and then breaks the
    connection, as if the response was lost on the way back."""

    def __init__(self, fail: dict[int, str] | None = None) -> None:
        super().__init__()
        self.fail = fail or {}
        self.bodies: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = len(self.bodies)
        self.bodies.append(json.loads(request.read()))
        if self.fail.get(attempt) == "503":
            return httpx.Response(503, text="overloaded", request=request)
        response = super().handle_request(request)
        if self.fail.get(attempt) == "drop":
            response.read()
            response.close()
            raise httpx.ReadError("connection reset after the service answered", request=request)
        return response


class AsyncRecording(httpx.AsyncHTTPTransport):
    """Recording for AsyncClient."""

    def __init__(self, fail: dict[int, str] | None = None) -> None:
        super().__init__()
        self.fail = fail or {}
        self.bodies: list[dict[str, Any]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = len(self.bodies)
        self.bodies.append(json.loads(await request.aread()))
        if self.fail.get(attempt) == "503":
            return httpx.Response(503, text="overloaded", request=request)
        response = await super().handle_async_request(request)
        if self.fail.get(attempt) == "drop":
            await response.aread()
            await response.aclose()
            raise httpx.ReadError("connection reset after the service answered", request=request)
        return response


def sent_values(bodies: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [body["variables"]["values"] for body in bodies]


@pytest.fixture
async def push_token(db: Database, demo: Any) -> str:
    """A push token on the demo organisation."""
    return (await create_token(db, name="integration", scopes=["push"], team_ids=[]))[1]


async def stored(server: LiveServer, token: str) -> dict[str, int]:
    """How many measurements each KR of KRS holds, read through the client."""
    async with AsyncClient(server.graphql_url, token) as client:
        return {kr: (await client.history(kr, first=1)).total_count for kr in KRS}


async def added(server: LiveServer, token: str, before: dict[str, int]) -> dict[str, int]:
    """How many measurements each KR of KRS gained since `before` (the demo holds some history)."""
    now = await stored(server, token)
    return {kr: now[kr] - before[kr] for kr in KRS}


def test_the_generated_client_is_fresh() -> None:
    """clients/python/aligngraph_client/generated/ is what ariadne-codegen writes from schema.graphql and the
    operations (as tests/test_graphql_schema.py checks schema.graphql against the code)."""
    done = subprocess.run(
        [sys.executable, str(CLIENT / "codegen.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr + "run: .venv/bin/aligngraph export-schema"


def test_the_freshness_check_names_a_stale_file(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("codegen", CLIENT / "codegen.py")
    assert spec is not None and spec.loader is not None
    codegen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(codegen)
    committed = CLIENT / "aligngraph_client" / "generated"
    stale = tmp_path / "generated"
    shutil.copytree(committed, stale, ignore=shutil.ignore_patterns("__pycache__"))
    assert codegen.differences(committed, stale) == []
    (stale / "fragments.py").write_text((committed / "fragments.py").read_text() + "# edited\n")
    (stale / "client.py").unlink()
    assert codegen.differences(committed, stale) == ["client.py", "fragments.py"]


def test_a_plain_install_ships_every_package_of_the_client() -> None:
    """`pip install ./clients/python` (the Dockerfile's) installs the packages pyproject.toml lists, and only
    those: the generated one must be among them."""
    listed = tomllib.loads((CLIENT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    found = {
        ".".join(init.parent.relative_to(CLIENT).parts)
        for init in (CLIENT / "aligngraph_client").glob("**/__init__.py")
    }
    assert sorted(listed) == sorted(found) and "aligngraph_client.generated" in found


def test_every_operation_of_the_client_is_valid_against_schema_graphql() -> None:
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    texts = [
        path.read_text(encoding="utf-8") for path in sorted((CLIENT / "operations").glob("**/*.graphql"))
    ]
    document = parse("\n".join(texts))
    assert validate(schema, document) == []
    names = {d.name.value for d in document.definitions if isinstance(d, OperationDefinitionNode) and d.name}
    assert names == {
        "PushKeyResultValues",
        "GetKeyResult",
        "KeyResultHistory",
        "KeyResultsByExternalKey",
        "KeyResultUpdated",
    }


async def test_sync_push_splits_2500_values_into_3_calls_with_original_indexes(
    live_server: LiveServer, push_token: str
) -> None:
    before = await stored(live_server, push_token)
    values = make_values(2500)
    values[700] = KeyResultValueInput(
        value=1.0, observed_at=START, source="client-test", key_result_id="kr-nope"
    )
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    values[2400] = KeyResultValueInput(
        value=1.0, observed_at=future, source="client-test", key_result_id=KRS[0]
    )
    transport = Recording()
    progress: list[tuple[int, int]] = []

    def push() -> Any:
        with Client(live_server.graphql_url, push_token, batch_size=1000, transport=transport) as client:
            return client.push_values(values, progress=lambda done, total: progress.append((done, total)))

    result = await asyncio.to_thread(push)

    assert [len(batch) for batch in sent_values(transport.bodies)] == [1000, 1000, 500]
    assert progress == [(1000, 2500), (2000, 2500), (2500, 2500)]
    keys = [value["idempotencyKey"] for batch in sent_values(transport.bodies) for value in batch]
    assert len(set(keys)) == 2500 and all(keys)
    assert (result.accepted, result.duplicates, result.rejected) == (2498, 0, 2)
    assert [item.index for item in result.items] == list(range(2500))
    rejected = {item.index: item.reason for item in result.items if item.status is PushStatus.REJECTED}
    assert rejected == {700: PushReason.UNKNOWN_KEY_RESULT, 2400: PushReason.OBSERVED_IN_FUTURE}
    for item in result.items:
        if item.status is PushStatus.ACCEPTED:
            assert item.key_result_id == values[item.index].key_result_id
    expected = {
        kr: sum(1 for i in range(2500) if i % 4 == n and i not in (700, 2400)) for n, kr in enumerate(KRS)
    }
    assert await added(live_server, push_token, before) == expected


async def test_async_push_splits_and_a_second_push_is_all_duplicates(
    live_server: LiveServer, push_token: str
) -> None:
    before = await stored(live_server, push_token)
    values = make_values(1200, keys="async")
    transport = AsyncRecording()
    async with AsyncClient(
        live_server.graphql_url, push_token, batch_size=500, transport=transport
    ) as client:
        first = await client.push_values(values)
        again = await client.push_values(values)
    assert [len(batch) for batch in sent_values(transport.bodies)] == [500, 500, 200] * 2
    assert (first.accepted, first.duplicates, first.rejected) == (1200, 0, 0)
    assert (again.accepted, again.duplicates, again.rejected) == (0, 1200, 0)
    assert [item.index for item in again.items] == list(range(1200))
    assert all(item.reason is PushReason.DUPLICATE_IDEMPOTENCY_KEY for item in again.items)
    # A duplicate names the measurement stored the first time.
    assert [i.measurement_id for i in again.items] == [i.measurement_id for i in first.items]
    assert await added(live_server, push_token, before) == {kr: 300 for kr in KRS}


async def test_a_response_lost_on_the_way_back_is_resent_with_the_same_keys_and_stored_once(
    live_server: LiveServer, push_token: str
) -> None:
    before = await stored(live_server, push_token)
    values = make_values(300)  # no keys: the client makes them before the first attempt
    transport = Recording(fail={1: "drop"})  # the second call reaches the service, its answer is lost

    def push() -> Any:
        with Client(
            live_server.graphql_url, push_token, batch_size=100, retry=FAST, transport=transport
        ) as client:
            return client.push_values(values)

    result = await asyncio.to_thread(push)
    batches = sent_values(transport.bodies)
    assert [len(batch) for batch in batches] == [100, 100, 100, 100]
    assert batches[1] == batches[2]  # the retry resent the very same values and idempotency keys
    assert (result.accepted, result.duplicates, result.rejected) == (200, 100, 0)
    assert {item.index for item in result.items if item.status is PushStatus.DUPLICATE} == set(
        range(100, 200)
    )
    assert await added(live_server, push_token, before) == {kr: 75 for kr in KRS}


async def test_async_client_retries_503_with_the_same_keys(live_server: LiveServer, push_token: str) -> None:
    before = await stored(live_server, push_token)
    transport = AsyncRecording(fail={0: "503", 1: "503"})
    async with AsyncClient(live_server.graphql_url, push_token, retry=FAST, transport=transport) as client:
        result = await client.push_values(make_values(40))
    assert len(transport.bodies) == 3
    assert transport.bodies[0] == transport.bodies[1] == transport.bodies[2]
    assert (result.accepted, result.duplicates, result.rejected) == (40, 0, 0)
    assert await added(live_server, push_token, before) == {kr: 10 for kr in KRS}


async def test_a_service_that_stays_down_raises_service_unavailable_after_every_attempt(
    live_server: LiveServer, push_token: str
) -> None:
    before = await stored(live_server, push_token)
    transport = AsyncRecording(fail={0: "503", 1: "503", 2: "503"})
    retry = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
    async with AsyncClient(live_server.graphql_url, push_token, retry=retry, transport=transport) as client:
        with pytest.raises(ServiceUnavailable) as raised:
            await client.push_values(make_values(4))
    assert raised.value.status_code == 503 and len(transport.bodies) == 3
    assert await added(live_server, push_token, before) == {kr: 0 for kr in KRS}


async def test_an_unreachable_service_is_retried_then_raises() -> None:
    with socket.socket() as sock:  # a loopback port where nothing listens: bound, then released
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/graphql"
    transport = AsyncRecording()
    retry = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.01)
    async with AsyncClient(url, "ag_x", retry=retry, transport=transport) as client:
        with pytest.raises(ServiceUnavailable, match="2 attempts"):
            await client.key_result("kr-discover-completion")
    assert len(transport.bodies) == 2


async def test_service_errors_are_typed_exceptions_with_code_field_and_value(
    live_server: LiveServer, push_token: str, db: Database
) -> None:
    before = await stored(live_server, push_token)
    reader = (await create_token(db, name="reader", scopes=["read"], team_ids=[]))[1]
    url = live_server.graphql_url
    async with AsyncClient(url) as anonymous:
        with pytest.raises(Unauthenticated) as raised:
            await anonymous.push_values(make_values(1))
    assert raised.value.code == "UNAUTHENTICATED"
    async with AsyncClient(url, "ag_" + "x" * 43) as unknown:
        with pytest.raises(Unauthenticated):
            await unknown.key_result(KRS[0])
    async with AsyncClient(url, reader) as read_only:
        with pytest.raises(Forbidden) as forbidden:
            await read_only.push_values(make_values(1))
        assert forbidden.value.code == "FORBIDDEN"
        with pytest.raises(ValidationFailed) as invalid:
            await read_only.history(KRS[0], first=100_000)
        assert (invalid.value.code, invalid.value.field, invalid.value.value) == (
            "VALIDATION",
            "first",
            100_000,
        )
        with pytest.raises(NotFound) as missing:
            await read_only.history("kr-nope")
        assert (missing.value.code, missing.value.field, missing.value.value) == (
            "NOT_FOUND",
            "id",
            "kr-nope",
        )
        with pytest.raises(NotFound):
            await read_only.key_result("kr-nope")
    assert await added(live_server, push_token, before) == {kr: 0 for kr in KRS}


async def test_reads_give_typed_key_results_and_page_through_history(
    live_server: LiveServer, push_token: str
) -> None:
    kr = KRS[0]
    values = [
        KeyResultValueInput(
            value=float(i), observed_at=START + dt.timedelta(hours=i), source="s", key_result_id=kr
        )
        for i in range(20)
    ]
    late = KeyResultValueInput(
        value=-1.0, observed_at=START - dt.timedelta(days=5), source="s", key_result_id=kr
    )

    def run() -> Any:
        with Client(live_server.graphql_url, push_token) as client:
            client.push_values([*values, late])
            found = client.key_result(kr)
            every = list(client.iter_history(kr, page_size=7))
            window = client.history(kr, observed_from=START, observed_to=START + dt.timedelta(hours=5))
            return found, every, window

    found, every, window = await asyncio.to_thread(run)
    assert found.id == kr and found.kind is KeyResultKind.METRIC
    assert found.current == 19.0  # the latest observed value, not the late arrival
    assert found.last_observed_at == START + dt.timedelta(hours=19)
    assert [m.value for m in every] == [float(i) for i in reversed(range(20))] + [-1.0]
    assert all(m.source == "s" and m.idempotency_key for m in every)
    assert [m.value for m in window.nodes] == [4.0, 3.0, 2.0, 1.0, 0.0] and window.total_count == 5


async def test_the_readme_example_pushes_a_value_in_five_lines(
    live_server: LiveServer, push_token: str
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The Python client") :]
    code = section[section.index("```python\n") + 10 : section.index("```\n", section.index("```python"))]
    assert len([line for line in code.splitlines() if line.strip()]) <= 5
    assert 'token="ag_..."' in code and "http://127.0.0.1:8000/graphql" in code
    code = code.replace("http://127.0.0.1:8000/graphql", live_server.graphql_url).replace(
        "ag_...", push_token
    )
    before = await stored(live_server, push_token)
    await asyncio.to_thread(exec, code, {})
    assert await added(live_server, push_token, before) == {kr: int(kr == KRS[0]) for kr in KRS}
    async with AsyncClient(live_server.graphql_url, push_token) as client:
        latest = (await client.history(KRS[0], first=1)).nodes[0]
    assert (latest.value, latest.source) == (77.5, "amplitude")


async def test_push_value_names_a_key_result_by_external_key(
    live_server: LiveServer, push_token: str, gql: GraphQL
) -> None:
    link = 'mutation { updateKeyResult(id: "kr-discover-tutorial", input: {externalKey: "amp:tutorial"}) { id } }'
    await gql.ok(link)
    async with AsyncClient(live_server.graphql_url, push_token) as client:
        item = await client.push_value(external_key="amp:tutorial", value=12.0, source="amplitude")
        again = await client.push_value(
            external_key="amp:tutorial", value=12.0, source="amplitude", idempotency_key="fixed"
        )
        same = await client.push_value(
            external_key="amp:tutorial", value=12.0, source="amplitude", idempotency_key="fixed"
        )
        found = await client.key_result("kr-discover-tutorial")
    assert (item.status, item.key_result_id, item.index) == (PushStatus.ACCEPTED, "kr-discover-tutorial", 0)
    assert (again.status, same.status) == (PushStatus.ACCEPTED, PushStatus.DUPLICATE)
    assert found.external_key == "amp:tutorial" and found.current == 12.0
    assert found.last_observed_at is not None
    assert abs((dt.datetime.now(dt.UTC) - found.last_observed_at).total_seconds()) < 60


CREATE_TEAM = (
    'mutation { createTeam(input: {name: "Pricing", kind: TEAM, organisationId: "org-bank", '
    'parentId: "bu-digital"}) { id name } }'
)
TEAM_NAMES = 'query { team(id: "bu-digital") { children { name } } }  # mutation { never }'


def test_is_mutation_reads_operation_keywords_only() -> None:
    assert is_mutation(CREATE_TEAM) and is_mutation("fragment F on Team { id }\nmutation M { a }")
    assert not is_mutation(TEAM_NAMES)
    assert not is_mutation('{ mutation(x: "mutation { }") { mutation } }')
    assert not is_mutation('query Q { a(text: """ } mutation { """) }')


async def test_a_mutation_sent_by_execute_is_not_resent_after_its_answer_was_lost(
    live_server: LiveServer, db: Database, demo: Any
) -> None:
    writer = (await create_token(db, name="writer", scopes=["write"], team_ids=[]))[1]
    before = await count_nodes(db)
    transport = Recording(fail={0: "drop"})  # the service creates the team, its answer is lost

    def create() -> Any:
        with Client(live_server.graphql_url, writer, retry=FAST, transport=transport) as client:
            return client.execute(CREATE_TEAM)

    with pytest.raises(ServiceUnavailable, match="1 attempts"):
        await asyncio.to_thread(create)
    assert len(transport.bodies) == 1
    assert await count_nodes(db) == before + 1  # applied once, never twice

    failing = AsyncRecording(fail={0: "503"})
    async with AsyncClient(live_server.graphql_url, writer, retry=FAST, transport=failing) as client:
        with pytest.raises(ServiceUnavailable) as raised:
            await client.execute(CREATE_TEAM)
        assert raised.value.status_code == 503 and len(failing.bodies) == 1
        names = [team["name"] for team in (await client.execute(TEAM_NAMES))["team"]["children"]]
    assert names.count("Pricing") == 1


async def test_execute_retries_queries_and_what_the_caller_says_is_safe(
    live_server: LiveServer, db: Database, demo: Any
) -> None:
    writer = (await create_token(db, name="writer", scopes=["write"], team_ids=[]))[1]
    url = live_server.graphql_url
    query = AsyncRecording(fail={0: "503"})
    async with AsyncClient(url, writer, retry=FAST, transport=query) as client:
        names = [team["name"] for team in (await client.execute(TEAM_NAMES))["team"]["children"]]
    assert len(query.bodies) == 2 and "Pricing" not in names
    told = AsyncRecording(fail={0: "503"})
    async with AsyncClient(url, writer, retry=FAST, transport=told) as client:
        created = (await client.execute(CREATE_TEAM, retry=True))["createTeam"]
    assert len(told.bodies) == 2 and created["name"] == "Pricing"
    once = AsyncRecording(fail={0: "503"})
    async with AsyncClient(url, writer, retry=FAST, transport=once) as client:
        with pytest.raises(ServiceUnavailable):
            await client.execute(TEAM_NAMES, retry=False)
    assert len(once.bodies) == 1
