"""Time pushKeyResultValues over GraphQL/HTTP and the same writes straight through the driver, by batch size.

`.venv/bin/python -m bench.push [--teams 5000] [--seed 7] [--runs 30] [--big-runs 5] [--keep]` (or
`make bench-push`) prepares its own `bench-push` Neo4j and the synthetic organisation as `bench.alignment` does, serves
the API from a subprocess and prints p50/p95 and values/s for batches of 1, 100 and 10,000 values. Every run
writes new measurements (unique idempotency keys). docs/BENCHMARKS.md has more.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from rich.table import Table

from api.settings import get_settings
from bench.alignment import connect, console, prepare, serving
from bench.cpu import serving_pid, timed_calls
from bench.sweep import percentile
from graph.core.db import Database
from graph.integrations.measurements import push_values
from graph.integrations.push_checks import PushedValue, PushStatus
from graph.integrations.tokens import create_token, revoke_token
from graph.seed.synthetic_shape import ORG_ID, Size
from runtime import local_neo4j

# Its own server: every run stores ~130,000 measurements, and millions of them in the `bench` database slowed
# the alignment questions' Cypher (page cache) by up to 1.7x.
SERVER = "bench-push"
BATCH_SIZES = (1, 100, 10_000)
BIG = 10_000
TARGET_BIG_VALUES_PER_S = 5_000.0  # GraphQL, 10,000-value batches
TARGET_SINGLE_P50_MS = 25.0  # GraphQL, one value per push
PUSH = """mutation($values: [KeyResultValueInput!]!) { pushKeyResultValues(values: $values) {
  accepted duplicates rejected items { index status reason message keyResultId measurementId } } }"""
HEADERS = {"content-type": "application/json"}


@dataclass(frozen=True)
class Timings:
    """One batch size: timings in ms of each side, and CPU ms per push (mean of the timed runs; None: unknown)."""

    size: int
    graphql: list[float]
    direct: list[float]
    graphql_cpu: float | None = None  # the API process and the Neo4j server
    direct_cpu: float | None = None  # this process and the Neo4j server


class Values:
    """Makes the values of each push: rotating over the picked key results, each with a new idempotency key,
    observed a microsecond apart from `start` on."""

    def __init__(self, kr_ids: list[str], start: dt.datetime) -> None:
        self.kr_ids = kr_ids
        self.token = uuid.uuid4().hex[:12]  # new keys on every benchmark run
        self.observed = start
        self.made = 0
        self.next_kr = 0

    def batch(self, size: int) -> list[PushedValue]:
        values = []
        for _ in range(size):
            values.append(
                PushedValue(
                    value=float(self.made % 100),
                    observed_at=self.observed + dt.timedelta(microseconds=self.made),
                    source="bench",
                    key_result_id=self.kr_ids[self.next_kr],
                    idempotency_key=f"bench:{self.token}:{self.made}",
                )
            )
            self.made += 1
            self.next_kr = (self.next_kr + 1) % len(self.kr_ids)
        return values


def _body(values: list[PushedValue]) -> bytes:
    """The POST body of one push, encoded before the clock starts."""
    variables = [
        {
            "keyResultId": v.key_result_id,
            "value": v.value,
            "observedAt": v.observed_at.isoformat(),
            "source": v.source,
            "idempotencyKey": v.idempotency_key,
        }
        for v in values
    ]
    return json.dumps({"query": PUSH, "variables": {"values": variables}}).encode()


def _check_graphql(size: int, content: bytes) -> None:
    body: dict[str, Any] = json.loads(content)
    if "errors" in body:
        raise RuntimeError(f"push of {size}: {body['errors']}")
    result = body["data"]["pushKeyResultValues"]
    bad = [item for item in result["items"] if item["status"] != "ACCEPTED"]
    if bad or result["accepted"] != size or len(result["items"]) != size:
        raise RuntimeError(f"push of {size}: {result['accepted']} accepted; first not accepted: {bad[:3]}")


async def _measure(
    size: int,
    http: httpx.AsyncClient,
    db: Database,
    values: Values,
    pids: tuple[int | None, int | None],
    *,
    runs: int,
    warmup: int,
) -> Timings:
    """Time `runs` pushes of `size` values over GraphQL, then as many through push_values; check each one.
    `pids` are the API's and the Neo4j server's process ids, when known."""
    api_pid, neo4j_pid = pids
    bodies: Iterator[bytes] = iter([_body(values.batch(size)) for _ in range(warmup + runs)])
    responses: list[bytes] = []

    async def over_graphql() -> None:
        response = await http.post("/graphql", content=next(bodies), headers=HEADERS)
        if response.status_code != 200:
            raise RuntimeError(f"push of {size}: HTTP {response.status_code}: {response.text[:2000]}")
        responses.append(response.content)

    graphql, graphql_cpu = await timed_calls(over_graphql, [api_pid, neo4j_pid], runs=runs, warmup=warmup)
    for content in responses:  # checked after timing, so parsing 10,000 results is not counted
        _check_graphql(size, content)

    batches: Iterator[list[PushedValue]] = iter([values.batch(size) for _ in range(warmup + runs)])
    statuses: list[list[PushStatus]] = []

    async def direct() -> None:
        statuses.append([result.status for result in await push_values(db, next(batches))])

    timings, direct_cpu = await timed_calls(direct, [os.getpid(), neo4j_pid], runs=runs, warmup=warmup)
    for batch in statuses:
        if len(batch) != size or any(status != PushStatus.ACCEPTED for status in batch):
            raise RuntimeError(f"direct push of {size}: {batch.count(PushStatus.ACCEPTED)} accepted")
    return Timings(size, graphql, timings, graphql_cpu, direct_cpu)


def _per_second(size: int, p50_ms: float) -> float:
    return size / p50_ms * 1000


def _report(results: list[Timings], machine: str) -> bool:
    """Print the table and the machine; return whether both targets are met."""
    table = Table(
        title="pushKeyResultValues (ms; values/s = batch size / p50; CPU = mean CPU ms per push of the API, "
        "or this process, plus the Neo4j server)"
    )
    table.add_column("batch", justify="right")
    for column in (
        "runs",
        "GraphQL p50",
        "GraphQL p95",
        "GraphQL values/s",
        "direct p50",
        "direct p95",
        "direct values/s",
        "p50 ratio",
        "GraphQL CPU",
        "direct CPU",
        "target",
    ):
        table.add_column(column, justify="right")
    table.add_column("result")
    passed = True
    for timings in results:
        g50, g95, d50, d95 = (percentile(t, p) for t in (timings.graphql, timings.direct) for p in (50, 95))
        target, ok = "-", None
        if timings.size == 1:
            target, ok = f"p50 <= {TARGET_SINGLE_P50_MS:.0f}", g50 <= TARGET_SINGLE_P50_MS
        elif timings.size == BIG:
            target = f">= {TARGET_BIG_VALUES_PER_S:,.0f}/s"
            ok = _per_second(timings.size, g50) >= TARGET_BIG_VALUES_PER_S
        passed &= ok is not False
        table.add_row(
            f"{timings.size:,}",
            str(len(timings.graphql)),
            f"{g50:.1f}",
            f"{g95:.1f}",
            f"{_per_second(timings.size, g50):,.0f}",
            f"{d50:.1f}",
            f"{d95:.1f}",
            f"{_per_second(timings.size, d50):,.0f}",
            f"{g50 / d50:.2f}x",
            "-" if timings.graphql_cpu is None else f"{timings.graphql_cpu:,.1f}",
            "-" if timings.direct_cpu is None else f"{timings.direct_cpu:,.1f}",
            target,
            "-" if ok is None else "[green]pass" if ok else "[red]FAIL",
        )
    console.print(table)
    console.print(machine)
    return passed


async def _values(db: Database) -> Values:
    """Values for the first BIG key results, observed after every value they hold: new values, which move
    current, are what integrations mostly push (and what the targets are about). A day ago, unless an earlier
    run or test stored later ones."""
    rows = await db.read("synthetic/sample_key_results", organisationId=ORG_ID, limit=BIG)
    if len(rows) < BIG:
        raise RuntimeError(f"the synthetic organisation has {len(rows)} key results to push to; {BIG} needed")
    ids = [row["keyResultId"] for row in rows]
    latest = (await db.read("measurements/latest_observed_at", ids=ids))[0]["latest"]
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    if latest is not None:
        start = max(start, latest.to_native() + dt.timedelta(milliseconds=1))
    return Values(ids, start)


async def run(args: argparse.Namespace) -> bool:
    """Prepare Neo4j and the data, time every batch size on both sides, print the report; return pass/fail."""
    uri, db = connect(SERVER)
    try:
        org_name = await prepare(db, teams=args.teams, seed=args.seed)
        values = await _values(db)
        results = []
        # Pushes need a token with the push scope; it is revoked again when the bench ends.
        token, secret = await create_token(db, name="bench push", scopes=["push"], organisation_id=ORG_ID)
        auth = {"Authorization": f"Bearer {secret}"}
        server = local_neo4j.status(SERVER) if get_settings().neo4j_uri is None else None
        with serving(uri) as base:
            pids = (serving_pid(int(base.rsplit(":", 1)[1])), server.pid if server else None)
            async with httpx.AsyncClient(base_url=base, timeout=300, headers=auth) as http:
                for size in BATCH_SIZES:
                    runs, warmup = (args.big_runs, 1) if size == BIG else (args.runs, args.warmup)
                    results.append(await _measure(size, http, db, values, pids, runs=runs, warmup=warmup))
        console.print(
            f"Wrote {values.made:,} measurements (warm-ups included) to {len(values.kr_ids):,} key results."
        )
        neo4j_version = (await db.driver.get_server_info()).agent
        machine = (
            f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, {neo4j_version}"
            f" at {uri}; {args.runs} runs after {args.warmup} warm-ups ({args.big_runs} after 1 for {BIG:,});"
            f" {org_name}"
        )
        await revoke_token(db, token.id)
        return _report(results, machine)
    finally:
        await db.close()
        if get_settings().neo4j_uri is None and not args.keep:
            local_neo4j.stop(SERVER)


def main() -> None:
    """Parse the arguments and run the benchmark; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.push", description="Time pushKeyResultValues.")
    parser.add_argument("--teams", type=int, default=Size.teams, help="teams in the synthetic organisation")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=30, help="timed pushes of 1 and of 100 values, per side")
    parser.add_argument("--big-runs", type=int, default=5, help="timed pushes of 10,000 values, per side")
    parser.add_argument("--warmup", type=int, default=3, help="untimed pushes first (1 for 10,000 values)")
    parser.add_argument("--keep", action="store_true", help="leave the local 'bench' Neo4j running")
    sys.exit(0 if asyncio.run(run(parser.parse_args())) else 1)


if __name__ == "__main__":
    main()
