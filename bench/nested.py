"""Nested reads on the synthetic organisation: p50, the API's CPU per request and per returned field.

`.venv/bin/python -m bench.nested [--runs 100] [--keep]` starts or reuses the local `bench` Neo4j (or uses
NEO4J_URI), loads the 5,000-team synthetic organisation unless it is there (as `make bench` does), serves the
API from a subprocess and sends each document of the peer comparison (../shared/peer/bench_peer.py: a, b, c,
c2) `--runs` times over one kept-alive connection. A returned field is every key of every object in the
answer's data (a leaf, an object or a list); CPU per field is the API's CPU per request over that count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

from api.settings import get_settings
from bench.alignment import connect, console, prepare, serving
from bench.cpu import cpu_seconds, serving_pid
from bench.sweep import percentile
from graph.core.db import Database
from graph.seed.synthetic_shape import ORG_ID
from runtime import local_neo4j

SERVER = "bench"
KR = "id title current target"
DOCUMENTS = {
    "a. 50 team objectives, KRs, owner": (
        f"query($q: ID!) {{ objectives(cycleId: $q, tier: TEAM, first: 50) {{ nodes {{ id title owner {{ name }} "
        f"keyResults {{ {KR} }} }} }} }}",
        "quarter",
    ),
    "b. one objective, owner, KRs, links": (
        f"query($id: ID!) {{ objective(id: $id) {{ id title owner {{ id name }} keyResults {{ {KR} }} "
        "parents { weight parent { ... on Objective { id } ... on KeyResult { id } } } "
        "children { weight child { id title } } } }",
        "objective",
    ),
    "c. a team, objectives, KRs": (
        f"query($id: ID!) {{ team(id: $id) {{ id name objectives {{ id title cycle {{ id }} keyResults {{ {KR} }} }} }} }}",
        "team",
    ),
    "c2. a unit, teams, objectives, KRs": (
        f"query($id: ID!) {{ team(id: $id) {{ id name children {{ id name objectives {{ id title cycle {{ id }} "
        f"keyResults {{ {KR} }} }} }} }} }}",
        "unit",
    ),
}


async def picks(db: Database) -> dict[str, str]:
    """The peer comparison's ids: the first quarter, team and unit, and the first objective with both a parent
    and a child."""
    try:
        await prepare(db, teams=5000, seed=7)
        row = (await db.read("synthetic/sample_ids", organisationId=ORG_ID))[0]
        linked = await db.driver.execute_query(
            "MATCH (o:Objective) WHERE EXISTS { (o)-[:CONTRIBUTES_TO]->() } AND EXISTS { (o)<-[:CONTRIBUTES_TO]-() }"
            " RETURN o.id AS id ORDER BY o.id LIMIT 1"
        )
    finally:
        await db.close()
    return {
        "quarter": row["quarterId"],
        "team": row["teamId"],
        "unit": row["businessUnitId"],
        "objective": linked.records[0]["id"],
    }


def fields_in(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(fields_in(v) for v in value.values())
    if isinstance(value, list):
        return sum(fields_in(v) for v in value)
    return 0


def measure(
    base: str, document: str, variables: dict[str, str], runs: int
) -> tuple[float, float | None, int]:
    """p50 in ms, the API's CPU ms per request (None when unknown) and the fields in one answer."""
    pid = serving_pid(urlsplit(base).port or 80)
    body = {"query": document, "variables": variables}
    with httpx.Client(base_url=base, timeout=60) as http:
        for _ in range(max(5, runs // 10)):
            answer = http.post("/graphql", json=body)
            if answer.status_code != 200 or "errors" in answer.json():
                raise RuntimeError(f"{document}: {answer.text[:300]}")
        fields = fields_in(answer.json()["data"])
        before, timings = cpu_seconds(pid), []
        for _ in range(runs):
            began = time.perf_counter()
            http.post("/graphql", json=body).raise_for_status()
            timings.append((time.perf_counter() - began) * 1000)
        after = cpu_seconds(pid)
    cpu = None if before is None or after is None else (after - before) * 1000 / runs
    return percentile(timings, 50), cpu, fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="timed requests per document")
    parser.add_argument("--keep", action="store_true", help=f"leave the local '{SERVER}' Neo4j running")
    args = parser.parse_args()
    uri, db = connect(SERVER)
    try:
        ids = asyncio.run(picks(db))
        with serving(uri) as base:
            console.print(f"load average before: {os.getloadavg()[0]:.1f}")
            for name, (document, pick) in DOCUMENTS.items():
                p50, cpu, fields = measure(
                    base, document, {"q" if pick == "quarter" else "id": ids[pick]}, args.runs
                )
                per = "-" if cpu is None else f"{cpu:.2f} ms, {1000 * cpu / fields:.1f} µs/field"
                console.print(f"{name:38} p50 {p50:7.2f} ms  {fields:5} fields  API CPU/request {per}")
            console.print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep and get_settings().neo4j_uri is None:
            local_neo4j.stop(SERVER)


if __name__ == "__main__":
    main()
