"""Automatic idempotency keys come from a value's content (aligngraph_client.content_key), in the client as in
`aligngraph push`: a job run again writes nothing new, and a file pushed with the CLI and the same values
pushed with the client are the same values. Against a real uvicorn serving the app on the demo."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from aligngraph_client import Client, KeyResultValueInput, PushReason, PushStatus, content_key
from typer.testing import CliRunner

from api.cli.main import app
from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.live_server import LiveServer

KRS = ["kr-discover-completion", "kr-discover-tutorial", "kr-discover-tickets", "kr-sre-availability"]
START = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=3)
COUNT = "MATCH (m:Measurement) RETURN count(m) AS n"


def job(count: int) -> list[KeyResultValueInput]:
    """What a nightly job would build from its source each time it runs: new objects, the same content."""
    return [
        KeyResultValueInput(
            value=float(i % 89) + 0.5,
            observed_at=START + dt.timedelta(seconds=i),
            source="nightly-job",
            key_result_id=KRS[i % len(KRS)],
        )
        for i in range(count)
    ]


@pytest.fixture
async def push_token(db: Database, demo: Any) -> str:
    return (await create_token(db, name="nightly job", scopes=["push"], team_ids=[]))[1]


async def measurements(db: Database) -> int:
    return int((await db.driver.execute_query(COUNT)).records[0]["n"])


def push(server: LiveServer, token: str, values: list[KeyResultValueInput]) -> Any:
    with Client(server.graphql_url, token, batch_size=1000) as client:
        return client.push_values(values)


async def test_running_the_same_job_twice_stores_its_5000_values_once(
    live_server: LiveServer, push_token: str, db: Database
) -> None:
    before = await measurements(db)
    first = await asyncio.to_thread(push, live_server, push_token, job(5000))
    assert (first.accepted, first.duplicates, first.rejected) == (5000, 0, 0)
    assert await measurements(db) == before + 5000

    again = await asyncio.to_thread(push, live_server, push_token, job(5000))
    assert (again.accepted, again.duplicates, again.rejected) == (0, 5000, 0)
    assert all(item.status is PushStatus.DUPLICATE for item in again.items)
    assert all(item.reason is PushReason.DUPLICATE_IDEMPOTENCY_KEY for item in again.items)
    assert [i.measurement_id for i in again.items] == [i.measurement_id for i in first.items]
    assert await measurements(db) == before + 5000


def test_the_key_follows_each_part_of_the_content() -> None:
    base = job(1)[0]
    assert content_key(base) == content_key(job(1)[0])
    # The same moment in another time zone is the same observation.
    assert content_key(base) == content_key(
        KeyResultValueInput(
            value=base.value,
            observed_at=base.observed_at.astimezone(dt.timezone(dt.timedelta(hours=2))),
            source=base.source,
            key_result_id=base.key_result_id,
        )
    )
    changes: list[dict[str, Any]] = [
        {"value": base.value + 1},
        {"observed_at": base.observed_at + dt.timedelta(seconds=1)},
        {"source": "another-job"},
        {"key_result_id": KRS[1]},
        {"key_result_id": None, "external_key": KRS[0]},
    ]
    for change in changes:
        other = KeyResultValueInput(
            **{
                "value": base.value,
                "observed_at": base.observed_at,
                "source": base.source,
                "key_result_id": base.key_result_id,
                **change,
            }
        )
        assert content_key(other) != content_key(base), change


async def test_a_file_pushed_by_the_cli_is_a_duplicate_when_the_client_pushes_it(
    live_server: LiveServer, push_token: str, db: Database, tmp_path: Path
) -> None:
    values = job(3)
    path = tmp_path / "values.csv"
    rows = [f"{v.key_result_id},{v.value},{v.observed_at.isoformat()},{v.source}" for v in values]
    path.write_text("keyResultId,value,observedAt,source\n" + "\n".join(rows) + "\n", encoding="utf-8")
    env = {"AG_URL": live_server.graphql_url, "AG_TOKEN": push_token}
    result = await asyncio.to_thread(CliRunner().invoke, app, ["push", str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert "3 accepted, 0 duplicate, 0 rejected" in result.output
    before = await measurements(db)
    again = await asyncio.to_thread(push, live_server, push_token, values)
    assert (again.accepted, again.duplicates, again.rejected) == (0, 3, 0)
    assert await measurements(db) == before
