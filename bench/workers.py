"""Worker scaling: throughput at 8 concurrent requests with `aligngraph serve --workers 1` and `--workers 2`.

`.venv/bin/python -m bench.workers [--workers 1,2] [--requests 2000] [--keep]` (or `make bench-workers`) starts
or reuses the small local Neo4j `bench-request` (or uses NEO4J_URI), loads the demo organisation, and for
each worker count serves the API from a subprocess and sends each document below `--requests` times from
8 concurrent clients (one kept-alive connection each). It prints requests per second, p50 and p95 at that
concurrency, and the CPU the API processes (the parent and its workers) used per request, from /proc.
The load driver runs on the same machine and competes for the same cores: compare the rows of one run.
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
from bench.cpu import cpu_seconds, serving_pid, used_ms, with_workers
from bench.request import SERVER, load_demo, neo4j_uri
from bench.sweep import percentile
from runtime import local_neo4j

CONCURRENCY = 8
DOCUMENTS = {
    "one object by id": '{ objective(id: "obj-digital-first-week") { id } }',
    "a team, its objectives and their key results": (
        '{ team(id: "team-discover") { id name objectives { id title keyResults { id title current progress } } } }'
    ),
}


async def measure(base: str, document: str, requests: int) -> tuple[float, float, float, float | None]:
    """Requests per second, p50 and p95 in ms at CONCURRENCY, and the API's CPU ms per request."""
    pids = with_workers(serving_pid(urlsplit(base).port or 80))
    timings: list[float] = []

    async def client(count: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for _ in range(count):
                began = time.perf_counter()
                answer = await http.post("/graphql", json={"query": document})
                timings.append((time.perf_counter() - began) * 1000)
                if answer.status_code != 200 or "errors" in answer.json():
                    raise RuntimeError(f"{document}: {answer.text[:300]}")

    await asyncio.gather(*(client(25) for _ in range(CONCURRENCY)))  # warm-up: every worker, every plan
    timings.clear()
    before = [cpu_seconds(pid) for pid in pids]
    began = time.perf_counter()
    await asyncio.gather(*(client(requests // CONCURRENCY) for _ in range(CONCURRENCY)))
    elapsed = time.perf_counter() - began
    cpu = used_ms(before, [cpu_seconds(pid) for pid in pids], len(timings))
    return len(timings) / elapsed, percentile(timings, 50), percentile(timings, 95), cpu


async def run(uri: str, workers: list[int], requests: int) -> None:
    await load_demo(uri)
    for count in workers:
        with serving(uri, workers=count) as base:
            await asyncio.sleep(2)  # every worker has opened its driver
            for name, document in DOCUMENTS.items():
                load = os.getloadavg()[0]
                rate, p50, p95, cpu = await measure(base, document, requests)
                shown = "-" if cpu is None else f"{cpu:.2f} ms"
                console.print(
                    f"workers {count}  {name:46} {rate:7.0f} req/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
                    f"API CPU/request {shown}  (load {load:.1f})"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", default="1,2", help="worker counts to compare, e.g. 1,2,4")
    parser.add_argument("--requests", type=int, default=2000, help="timed requests per document and count")
    parser.add_argument("--keep", action="store_true", help=f"leave the local '{SERVER}' Neo4j running")
    args = parser.parse_args()
    uri = neo4j_uri()
    try:
        asyncio.run(run(uri, [int(n) for n in args.workers.split(",")], args.requests))
    finally:
        if not args.keep and get_settings().neo4j_uri is None:
            local_neo4j.stop(SERVER)


if __name__ == "__main__":
    main()
