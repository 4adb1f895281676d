"""The fixed cost of a request: small queries over HTTP, their latency and the API's CPU per request.

`.venv/bin/python -m bench.request [--runs 2000] [--keep]` (or `make bench-request`) starts or reuses a small
local Neo4j called `bench-request` (or uses NEO4J_URI), loads the demo organisation, serves the API from a
subprocess as `aligngraph serve` runs it, and sends each document below `--runs` times over one kept-alive
connection. It prints p50/p95 and the CPU the API process used per request (from /proc), next to issue 16's
target: at most 1.5 ms of server CPU for `{ objective(id) { id } }`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from urllib.parse import urlsplit

import httpx

from api.settings import get_settings
from bench.alignment import console, serving
from bench.cpu import cpu_seconds, serving_pid
from bench.sweep import percentile
from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.seed.demo import seed_demo
from runtime import local_neo4j

SERVER = "bench-request"
TARGET_CPU_MS = 1.5
DOCUMENTS = {
    "no field (`{ __typename }`)": "{ __typename }",
    "one object by id": '{ objective(id: "obj-digital-first-week") { id } }',
    "one object by global id": '{ node(id: "obj-digital-first-week") { id } }',
    "an object and its key results": (
        '{ objective(id: "obj-digital-first-week") { id title keyResults { id title current progress } } }'
    ),
}


def neo4j_uri() -> str:
    """NEO4J_URI if set, else the local `bench-request` Neo4j (started, small)."""
    uri = get_settings().neo4j_uri
    return uri or local_neo4j.start(SERVER, heap_mb=512, pagecache_mb=64).uri


async def load_demo(uri: str) -> None:
    settings = get_settings()
    db = Database.connect(uri, user=settings.neo4j_user, password=settings.neo4j_password)
    try:
        await db.wait_until_ready()
        await apply_schema(db)
        await seed_demo(db)
    finally:
        await db.close()


def measure(base: str, document: str, runs: int) -> tuple[float, float, float | None]:
    """p50 and p95 in ms, and the API's CPU ms per request (None when unknown)."""
    pid = serving_pid(urlsplit(base).port or 80)
    with httpx.Client(base_url=base) as http:
        for _ in range(max(50, runs // 10)):
            http.post("/graphql", json={"query": document}).raise_for_status()
        before, timings = cpu_seconds(pid), []
        for _ in range(runs):
            began = time.perf_counter()
            answer = http.post("/graphql", json={"query": document})
            timings.append((time.perf_counter() - began) * 1000)
            if answer.status_code != 200 or "errors" in answer.json():
                raise RuntimeError(f"{document}: {answer.text[:300]}")
        after = cpu_seconds(pid)
    cpu = None if before is None or after is None else (after - before) * 1000 / runs
    return percentile(timings, 50), percentile(timings, 95), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2000, help="timed requests per document")
    parser.add_argument("--keep", action="store_true", help=f"leave the local '{SERVER}' Neo4j running")
    args = parser.parse_args()
    uri = neo4j_uri()
    try:
        asyncio.run(load_demo(uri))
        with serving(uri) as base:
            console.print(f"load average before: {os.getloadavg()[0]:.1f}")
            failed = False
            for name, document in DOCUMENTS.items():
                p50, p95, cpu = measure(base, document, args.runs)
                shown = "-" if cpu is None else f"{cpu:.2f} ms"
                line = f"{name:34} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  API CPU/request {shown}"
                if "one object" in name and cpu is not None:
                    met = cpu <= TARGET_CPU_MS
                    failed |= not met
                    line += f"  (target {TARGET_CPU_MS} ms: {'met' if met else 'missed'})"
                console.print(line)
            console.print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep and get_settings().neo4j_uri is None:
            local_neo4j.stop(SERVER)
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
