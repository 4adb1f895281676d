"""Time each alignment question over GraphQL/HTTP and as its raw named Cypher, on the synthetic organisation.

`.venv/bin/python -m bench.alignment [--teams 500,5000] [--shapes flat,deep] [--sweep] [--runs 30] [--keep]`
(or `make bench`) starts or reuses a local Neo4j called `bench` unless NEO4J_URI is set, loads each synthetic
organisation unless it is already there, serves the API from a subprocess and prints p50/p95 per question, and
with several sizes or shapes one table per question across them (bench/sweep.py). docs/BENCHMARKS.md has more.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from neo4j import RoutingControl
from rich.console import Console
from rich.table import Table

from api.settings import get_settings
from bench.questions import MAX_RATIO, QUESTIONS, Picks, Question
from bench.sweep import SWEEP_TEAMS, Sweep, Timed, percentile
from graph.core.cypher import query
from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.seed.synthetic import build
from graph.seed.synthetic_load import is_loaded, load_synthetic
from graph.seed.synthetic_shape import ORG_ID, Size
from graph.seed.synthetic_shapes import SHAPES, check_shape, size_for
from runtime import local_neo4j

SERVER, HOST = "bench", "127.0.0.1"
HEAP_MB, PAGECACHE_MB = 2048, 1024
console = Console(width=None if sys.stdout.isatty() else 170)  # keep the table whole in logs


async def time_calls(call: Callable[[], Awaitable[None]], *, runs: int, warmup: int) -> list[float]:
    """Call `warmup` times untimed, then return `runs` timings in milliseconds."""
    for _ in range(warmup):
        await call()
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        await call()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


async def _measure(
    question: Question, http: httpx.AsyncClient, db: Database, picks: Picks, *, runs: int, warmup: int
) -> tuple[list[float], list[float], int]:
    """Return (GraphQL timings, Cypher timings, rows the Cypher answered) for one question."""
    payload = {"query": question.graphql, "variables": question.variables(picks)}
    # $org as the API sends it for these public reads (no token: every organisation).
    texts, params = [query(name) for name in question.cypher], db.params(question.params(picks))

    async def over_graphql() -> None:
        response = await http.post("/graphql", json=payload)
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise RuntimeError(f"{question.label}: HTTP {response.status_code}: {body}")

    answer = [0]

    async def as_cypher() -> None:
        results = await asyncio.gather(
            *(
                db.driver.execute_query(text, params, routing_=RoutingControl.READ, database_=db.database)
                for text in texts
            )
        )
        answer[0] = sum(len(result.records) for result in results)

    graphql = await time_calls(over_graphql, runs=runs, warmup=warmup)
    return graphql, await time_calls(as_cypher, runs=runs, warmup=warmup), answer[0]


async def _picks(db: Database) -> Picks:
    rows = await db.read("synthetic/sample_ids", organisationId=ORG_ID)
    if not rows or None in rows[0].values():
        raise RuntimeError(f"cannot pick question parameters from the synthetic organisation: {rows}")
    row = rows[0]
    return Picks(
        quarter_id=row["quarterId"],
        year_id=row["yearId"],
        priority_id=row["priorityId"],
        strategic_objective_id=row["strategicObjectiveId"],
        team_objective_id=row["teamObjectiveId"],
        business_unit_id=row["businessUnitId"],
        team_id=row["teamId"],
    )


@contextlib.contextmanager
def serving(uri: str, *, workers: int = 1) -> Iterator[str]:
    """Run `aligngraph serve --workers N` (one by default, so its pid's CPU is all the API's) on a free port
    against `uri` and yield its base URL once /health answers."""
    port = local_neo4j.free_port()
    # NEO4J_URI: so it does not start a Neo4j of its own. Public reads: the alignment bench sends no token.
    env = {**os.environ, "NEO4J_URI": uri, "AG_PUBLIC_READS": "true"}
    command = [str(Path(sys.executable).parent / "aligngraph"), "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://{HOST}:{port}"
            deadline = time.monotonic() + 60
            while not _healthy(base):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"the API did not start:\n{log.read().decode()[-3000:]}")
                time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()  # a request still running must not leave the server behind
                server.wait()


def connect(server: str = SERVER) -> tuple[str, Database]:
    """Return the Neo4j URI and a Database on it: NEO4J_URI if set, else the local `server` (started)."""
    settings = get_settings()
    uri = settings.neo4j_uri
    if uri is None:
        uri = local_neo4j.start(server, heap_mb=HEAP_MB, pagecache_mb=PAGECACHE_MB).uri
    db = Database.connect(
        uri, user=settings.neo4j_user, password=settings.neo4j_password, database=settings.neo4j_database
    )
    return uri, db


async def prepare(db: Database, *, teams: int, seed: int, shape: str = "flat") -> str:
    """Wait for Neo4j, apply the schema, load the synthetic organisation unless it is there; return its name."""
    await db.wait_until_ready()
    await apply_schema(db)  # before the first read, so an empty database knows the labels
    org = build(size_for(shape, teams), seed, shape)
    if await is_loaded(db, org):
        console.print(f"{org.name} is already loaded.")
    else:
        began = time.monotonic()
        counts = await load_synthetic(db, org, console=console)
        console.print(f"Loaded {org.name} in {time.monotonic() - began:.1f}s: {counts}")
    return org.name


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _report(results: list[Timed], machine: str) -> bool:
    """Print the table and the machine; return whether every judged question met its target."""
    table = Table(title="Alignment questions (ms)")
    table.add_column("question", no_wrap=True)
    for column in ("GraphQL p50", "GraphQL p95", "Cypher p50", "Cypher p95", "p50 ratio", "target"):
        table.add_column(column, justify="right")
    table.add_column("result")
    passed = True
    for question, graphql, cypher, _ in results:
        g50, g95, c50, c95 = (percentile(t, p) for t in (graphql, cypher) for p in (50, 95))
        fast_enough = question.target_ms is None or g50 <= question.target_ms
        ok = not question.judged or (fast_enough and g50 / c50 <= MAX_RATIO)
        passed &= ok
        limits = ([] if question.target_ms is None else [f"p50 <= {question.target_ms:.0f}"]) + [
            f"{MAX_RATIO}x"
        ]
        target = ", ".join(limits) if question.judged else "-"
        result = ("[green]pass" if ok else "[red]FAIL") if question.judged else "-"
        table.add_row(
            question.label, *(f"{v:.1f}" for v in (g50, g95, c50, c95)), f"{g50 / c50:.1f}x", target, result
        )
    console.print(table)
    console.print(machine)
    return passed


async def run(args: argparse.Namespace) -> bool:
    """Prepare Neo4j, then for each size and shape the data; time every question, print the reports; return
    whether every question met its target in every run."""
    settings = get_settings()
    uri, db = connect()
    passed, sweep = True, Sweep()
    try:
        for teams in args.teams:
            for shape in args.shapes:
                org_name = await prepare(db, teams=teams, seed=args.seed, shape=shape)
                picks = await _picks(db)
                with serving(uri) as base:
                    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
                        results: list[Timed] = []
                        for question in QUESTIONS:
                            timed = await _measure(
                                question, http, db, picks, runs=args.runs, warmup=args.warmup
                            )
                            results.append((question, *timed))
                neo4j_version = (await db.driver.get_server_info()).agent
                machine = (
                    f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()},"
                    f" {neo4j_version} at {uri}; {args.runs} runs after {args.warmup} warm-ups; {org_name};"
                    f" load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
                )
                passed &= _report(results, machine)
                sweep.add(teams, shape, results)
        if len(args.teams) * len(args.shapes) > 1:
            sweep.report(console)
        return passed
    finally:
        await db.close()
        if settings.neo4j_uri is None and not args.keep:
            local_neo4j.stop(SERVER)


def _list(kind: Callable[[str], Any]) -> Callable[[str], list[Any]]:
    return lambda text: [kind(item.strip()) for item in text.split(",") if item.strip()]


def main() -> None:
    """Parse the arguments and run the benchmark; exit 1 when a question misses its target."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.alignment", description="Time the alignment questions."
    )
    parser.add_argument(
        "--teams", type=_list(int), default=[Size.teams], help="teams in the synthetic organisation: 500,5000"
    )
    parser.add_argument(
        "--shapes", type=_list(check_shape), default=["flat"], help=f"shapes, of {', '.join(SHAPES)}"
    )
    parser.add_argument("--sweep", action="store_true", help=f"every size of {SWEEP_TEAMS} in every shape")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per question and side")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--keep", action="store_true", help="leave the local 'bench' Neo4j running")
    args = parser.parse_args()
    if args.sweep:
        args.teams, args.shapes = list(SWEEP_TEAMS), list(SHAPES)
    sys.exit(0 if asyncio.run(run(args)) else 1)


if __name__ == "__main__":
    main()
