"""Time the health report of the whole synthetic organisation over GraphQL/HTTP: unpaged, and a page of 50.

`.venv/bin/python -m bench.health [--teams 5000] [--runs 10] [--keep] [--api URL] [--unpaged-only]` starts or
reuses a local Neo4j called `health-bench` unless NEO4J_URI is set, loads the synthetic organisation unless it
is there, serves the API from a subprocess (or times the one at --api, e.g. an older checkout; --unpaged-only
for one without paging) and prints p50/p95, the findings returned, the CPU time the API and Neo4j used per
call and the load average (the machine may be shared). docs/BENCHMARKS.md has the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
from collections.abc import Iterator
from typing import Any

import httpx
from rich.table import Table

from api.settings import get_settings
from bench.alignment import HOST, console, prepare, serving
from bench.cpu import serving_pid, timed_calls
from bench.sweep import percentile
from graph.core.db import Database
from graph.seed.synthetic_shape import Size
from runtime import local_neo4j

SERVER = "health-bench"
CYCLE, AS_OF = "syn-cycle-2026-q1", "2026-02-15"  # half-way through Q1: about 17,000 findings
FIELDS = (
    "critical warnings infos findings { check severity message subject { kind id title } owner { name } }"
)
CASES: list[tuple[str, str]] = [
    ("whole report, unpaged", ""),
    ("first 50 (with counts)", "first: 50"),
    ("first 50 after the 10,000th", "first: 50, after: $after"),
    ("minSeverity CRITICAL, first 50", "minSeverity: CRITICAL, first: 50"),
]


def _query(arguments: str) -> str:
    head = "query($after: String)" if "$after" in arguments else "query"
    extra = f", {arguments}" if arguments else ""
    return f'{head} {{ health(cycleId: "{CYCLE}", asOf: "{AS_OF}"{extra}) {{ {FIELDS} }} }}'


async def _post(http: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    body: dict[str, Any] = response.json()
    if response.status_code != 200 or "errors" in body:
        raise RuntimeError(f"HTTP {response.status_code}: {str(body)[:2000]}")
    report: dict[str, Any] = body["data"]["health"]
    return report


@contextlib.contextmanager
def _api(uri: str, given: str | None) -> Iterator[str]:
    if given:
        yield given
    else:
        with serving(uri) as base:
            yield base


async def run(args: argparse.Namespace) -> None:
    settings = get_settings()
    uri = settings.neo4j_uri
    server = None if uri else local_neo4j.start(SERVER, heap_mb=2048, pagecache_mb=1024)
    uri = uri or (server.uri if server else "")
    db = Database.connect(
        uri, user=settings.neo4j_user, password=settings.neo4j_password, database=settings.neo4j_database
    )
    try:
        org_name = await prepare(db, teams=args.teams, seed=args.seed)
        with _api(uri, args.api) as base:
            pids = [serving_pid(int(base.rsplit(":", 1)[1])), server.pid if server else None]
            table = Table(title=f"health({CYCLE}, asOf {AS_OF}) over GraphQL (ms)")
            for column in ("case", "findings", "total", "p50", "p95", "CPU ms/call", "load before/after"):
                table.add_column(column, justify="left" if column == "case" else "right")
            async with httpx.AsyncClient(base_url=base, timeout=300) as http:
                variables: dict[str, Any] = {}
                for label, arguments in CASES[:1] if args.unpaged_only else CASES:
                    if "$after" in arguments:
                        variables = {"after": await _cursor_at(http, 10_000)}
                    query = _query(arguments)
                    report = await _post(http, query, variables)

                    async def call(query: str = query, variables: dict[str, Any] = variables) -> None:
                        await _post(http, query, variables)

                    load = os.getloadavg()[0]
                    timings, cpu = await timed_calls(call, pids, runs=args.runs, warmup=args.warmup)
                    total = report["critical"] + report["warnings"] + report["infos"]
                    table.add_row(
                        label,
                        f"{len(report['findings']):,}",
                        f"{total:,}",
                        *(f"{percentile(timings, p):,.0f}" for p in (50, 95)),
                        "-" if cpu is None else f"{cpu:,.0f}",
                        f"{load:.2f} / {os.getloadavg()[0]:.2f}",
                    )
        console.print(table)
        console.print(
            f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
            f"{(await db.driver.get_server_info()).agent} at {uri}; {args.runs} runs after {args.warmup} "
            f"warm-ups; {org_name}"
        )
    finally:
        await db.close()
        if server and not args.keep:
            local_neo4j.stop(SERVER)


async def _cursor_at(http: httpx.AsyncClient, position: int) -> str:
    """The cursor of the finding at `position` (1-based), found by paging with the API's largest pages."""
    after: str | None = None
    seen = 0
    while seen < position:
        size = min(get_settings().max_page_size, position - seen)
        query = "query($after: String) { health(" + f'cycleId: "{CYCLE}", asOf: "{AS_OF}", first: {size}, '
        query += "after: $after) { pageInfo { endCursor } } }"
        after = (await _post(http, query, {"after": after}))["pageInfo"]["endCursor"]
        seen += size
    assert after is not None
    return after


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.health", description="Time the health report.")
    parser.add_argument("--teams", type=int, default=Size.teams, help="teams in the synthetic organisation")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per case")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first")
    parser.add_argument("--api", help="time the API at this URL instead of serving one (HOST " + HOST + ")")
    parser.add_argument("--unpaged-only", action="store_true", help="only the unpaged case (an older API)")
    parser.add_argument("--keep", action="store_true", help=f"leave the local '{SERVER}' Neo4j running")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
