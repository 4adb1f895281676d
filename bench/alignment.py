"""Time each alignment question over GraphQL/HTTP and as its raw named Cypher, on the synthetic organisation.

`.venv/bin/python -m bench.alignment [--teams 5000] [--runs 30] [--seed 7] [--keep]` (or `make bench`) starts
or reuses a local Neo4j called `bench` unless NEO4J_URI is set, loads the synthetic organisation unless it is
already there, serves the API from a subprocess and prints p50/p95 per question. docs/BENCHMARKS.md has more.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from neo4j import RoutingControl
from rich.console import Console
from rich.table import Table

from api.settings import get_settings
from graph.alignment.dependencies import LOW_CONFIDENCE, TOLERANCE
from graph.cypher import query
from graph.db import Database
from graph.schema import apply_schema
from graph.synthetic import ORG_ID, Size, build
from graph.synthetic_load import is_loaded, load_synthetic
from runtime import local_neo4j

SERVER, HOST = "bench", "127.0.0.1"
HEAP_MB, PAGECACHE_MB = 2048, 1024
console = Console(width=None if sys.stdout.isatty() else 170)  # keep the table whole in logs


@dataclass(frozen=True)
class Picks:
    """Ids picked deterministically from the loaded graph (cypher/synthetic/sample_ids.cypher)."""

    quarter_id: str
    year_id: str
    priority_id: str
    strategic_objective_id: str
    team_objective_id: str
    business_unit_id: str
    team_id: str


@dataclass(frozen=True)
class Question:
    """One question: the GraphQL a client sends, and the named Cypher its field runs, with their inputs."""

    label: str
    graphql: str
    variables: Callable[[Picks], dict[str, Any]]
    cypher: tuple[str, ...]  # the named queries the field runs (concurrently when several)
    params: Callable[[Picks], dict[str, Any]]
    target_ms: float | None  # the GraphQL p50 to pass; None: no latency target
    judged: bool = True  # whether the targets apply (the p50 above and the p50 ratio <= MAX_RATIO)


# The p50 targets (ms) on this 2-core machine; every judged question must also keep GraphQL/Cypher <= 1.5.
MAX_RATIO = 1.5
ORPHANS = """query($y: ID!) { orphanedObjectives(cycleId: $y, first: 100) {
  pageInfo { hasNextPage endCursor } nodes { reason parentIds objective { id title tier confidence } } } }"""
AT_RISK = """query($y: ID!, $asOf: Date!) { crossTeamDependencies(cycleId: $y, atRiskOnly: true, asOf: $asOf, first: 100) {
  pageInfo { hasNextPage endCursor }
  nodes { note expectedProgress riskReasons from { id title progress confidence } to { id title progress confidence } } } }"""
COVERAGE = """query($y: ID!) { alignmentCoverage(cycleId: $y) {
  units { unit { id name } teamObjectives aligned orphaned alignedShare teamsWithoutObjectives { id } }
  priorities { priority { id title } strategicObjectives teamObjectives teams } } }"""
TREE = """query($p: ID!) { alignmentTree(rootId: $p, depth: 2) {
  edges { depth parentId via weight child { id kind title progress } } } }"""
AS_OF = "2026-05-15"  # mid-Q2 of the synthetic year


def _cycle(p: Picks) -> dict[str, Any]:
    return {"cycleId": p.year_id}


QUESTIONS: list[Question] = [
    Question(
        "orphaned objectives: first 100, whole org",
        ORPHANS,
        lambda p: {"y": p.year_id},
        ("alignment/orphaned_objectives",),
        lambda p: {"cycleId": p.year_id, "unitId": None, "after": None, "first": 100},
        150.0,
    ),
    Question(
        "at-risk dependencies: first 100, whole org",
        AT_RISK,
        lambda p: {"y": p.year_id, "asOf": AS_OF},
        ("alignment/cross_team_dependencies",),
        lambda p: {
            "cycleId": p.year_id,
            "teamId": None,
            "atRiskOnly": True,
            "asOf": dt.date.fromisoformat(AS_OF),
            "tolerance": TOLERANCE,
            "lowConfidence": LOW_CONFIDENCE,
            "afterFrom": None,
            "afterTo": None,
            "first": 100,
        },
        150.0,
    ),
    Question(
        "dependency loops between teams, whole org",
        "query($y: ID!) { dependencyLoops(cycleId: $y) { teams { id } } }",
        lambda p: {"y": p.year_id},
        ("alignment/team_dependency_loops",),
        _cycle,
        None,
    ),
    Question(
        "coverage per unit and per priority, whole org",
        COVERAGE,
        lambda p: {"y": p.year_id},
        ("alignment/coverage_by_unit", "alignment/coverage_by_priority"),
        _cycle,
        500.0,
    ),
    Question(
        "coverage per priority only",
        "query($y: ID!) { alignmentCoverage(cycleId: $y) { priorities { priority { id } teamObjectives teams } } }",
        lambda p: {"y": p.year_id},
        ("alignment/coverage_by_priority",),
        _cycle,
        None,
    ),
    Question(
        "unsupported strategy, whole org",
        "query($y: ID!) { unsupportedStrategy(cycleId: $y) { priorities { reason priority { id } } objectives { id } } }",
        lambda p: {"y": p.year_id},
        ("alignment/unsupported_strategy",),
        _cycle,
        None,
    ),
    Question(
        "alignment tree from one priority, depth 2 (the default)",
        TREE,
        lambda p: {"p": p.priority_id},
        ("alignment/alignment_tree",),
        lambda p: {"rootId": p.priority_id, "depth": 2},
        200.0,
    ),
    Question(
        "path to strategy of one team objective",
        "query($o: ID!) { pathToStrategy(objectiveId: $o) { steps { id kind title } } }",
        lambda p: {"o": p.team_objective_id},
        ("alignment/path_to_strategy",),
        lambda p: {"objectiveId": p.team_objective_id},
        None,
    ),
    Question(
        "impact of one team objective",
        "query($o: ID!) { impact(id: $o) { priorities { id distance } strategicObjectives { id distance throughDependency }"
        " teamObjectives { id ownerName distance throughDependency } } }",
        lambda p: {"o": p.team_objective_id},
        ("alignment/impact",),
        lambda p: {"id": p.team_objective_id},
        None,
    ),
    Question(
        "roll-up of the most contributed-to strategic objective",
        "query($o: ID!) { rollup(objectiveId: $o) { ownProgress rolledUpProgress"
        " contributions { depth parentId childId weight share ownProgress rolledUpProgress } } }",
        lambda p: {"o": p.strategic_objective_id},
        ("alignment/rollup",),
        lambda p: {"objectiveId": p.strategic_objective_id},
        None,
    ),
    Question(
        "objectives: first 100 TEAM of a quarter (with progress and owner)",
        "query($q: ID!) { objectives(cycleId: $q, tier: TEAM, first: 100) { nodes { id title progress owner { name } } } }",
        lambda p: {"q": p.quarter_id},
        ("objectives/list_objectives",),
        lambda p: {
            "cycleId": p.quarter_id,
            "teamId": None,
            "tier": "TEAM",
            "status": None,
            "after": None,
            "first": 100,
        },
        None,
        judged=False,
    ),
]


def _percentile(values: list[float], pct: float) -> float:
    """Return the nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


async def _time(call: Callable[[], Awaitable[None]], *, runs: int, warmup: int) -> list[float]:
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
) -> tuple[list[float], list[float]]:
    """Return (GraphQL timings, Cypher timings) for one question."""
    payload = {"query": question.graphql, "variables": question.variables(picks)}
    texts, params = [query(name) for name in question.cypher], question.params(picks)

    async def over_graphql() -> None:
        response = await http.post("/graphql", json=payload)
        body = response.json()
        if response.status_code != 200 or "errors" in body:
            raise RuntimeError(f"{question.label}: HTTP {response.status_code}: {body}")

    async def as_cypher() -> None:
        await asyncio.gather(
            *(
                db.driver.execute_query(text, params, routing_=RoutingControl.READ, database_=db.database)
                for text in texts
            )
        )

    graphql = await _time(over_graphql, runs=runs, warmup=warmup)
    return graphql, await _time(as_cypher, runs=runs, warmup=warmup)


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
def _serving(uri: str) -> Iterator[str]:
    """Run `aligngraph serve` on a free port against `uri` and yield its base URL once /health answers."""
    port = local_neo4j.free_port()
    env = {**os.environ, "NEO4J_URI": uri}  # so it does not start a Neo4j of its own
    command = [str(Path(sys.executable).parent / "aligngraph"), "serve", "--host", HOST, "--port", str(port)]
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


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _report(results: list[tuple[Question, list[float], list[float]]], machine: str) -> bool:
    """Print the table and the machine; return whether every judged question met its target."""
    table = Table(title="Alignment questions (ms)")
    table.add_column("question", no_wrap=True)
    for column in ("GraphQL p50", "GraphQL p95", "Cypher p50", "Cypher p95", "p50 ratio", "target"):
        table.add_column(column, justify="right")
    table.add_column("result")
    passed = True
    for question, graphql, cypher in results:
        g50, g95, c50, c95 = (_percentile(t, p) for t in (graphql, cypher) for p in (50, 95))
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
    """Prepare Neo4j and the data, time every question, print the report; return whether all passed."""
    settings = get_settings()
    uri = settings.neo4j_uri
    if uri is None:
        uri = local_neo4j.start(SERVER, heap_mb=HEAP_MB, pagecache_mb=PAGECACHE_MB).uri
    db = Database.connect(
        uri, user=settings.neo4j_user, password=settings.neo4j_password, database=settings.neo4j_database
    )
    try:
        await db.wait_until_ready()
        await apply_schema(db)  # before the first read, so an empty database knows the labels
        org = build(Size.scaled(args.teams), args.seed)
        if await is_loaded(db, org):
            console.print(f"{org.name} is already loaded.")
        else:
            began = time.monotonic()
            counts = await load_synthetic(db, org, console=console)
            console.print(f"Loaded {org.name} in {time.monotonic() - began:.1f}s: {counts}")
        picks = await _picks(db)
        with _serving(uri) as base:
            async with httpx.AsyncClient(base_url=base, timeout=120) as http:
                results = []
                for question in QUESTIONS:
                    timings = await _measure(question, http, db, picks, runs=args.runs, warmup=args.warmup)
                    results.append((question, *timings))
        neo4j_version = (await db.driver.get_server_info()).agent
        machine = (
            f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, {neo4j_version}"
            f" at {uri}; {args.runs} runs after {args.warmup} warm-ups; {org.name}"
        )
        return _report(results, machine)
    finally:
        await db.close()
        if settings.neo4j_uri is None and not args.keep:
            local_neo4j.stop(SERVER)


def main() -> None:
    """Parse the arguments and run the benchmark; exit 1 when a question misses its target."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.alignment", description="Time the alignment questions."
    )
    parser.add_argument("--teams", type=int, default=Size.teams, help="teams in the synthetic organisation")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per question and side")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--keep", action="store_true", help="leave the local 'bench' Neo4j running")
    sys.exit(0 if asyncio.run(run(parser.parse_args())) else 1)


if __name__ == "__main__":
    main()
