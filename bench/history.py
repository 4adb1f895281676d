"""Time progressHistory: a 12-month monthly series of the most contributed-to strategic objective.

`.venv/bin/python -m bench.history [--runs 30] [--keep]` (or `make bench-history`) uses the same `bench` Neo4j
and synthetic organisation as bench/alignment.py (loading it if missing). The synthetic organisation has no
measurements, so it first pushes a year of history (one value a month, 2026-01-15 to 2026-12-01) for every key
result of the objective and of everything that counts toward it, through the push path (idempotent: a second
run pushes nothing new). Then it times `progressHistory(id, from: 2026-01-01, to: 2026-12-01, interval: MONTH)`
over GraphQL/HTTP and its two named queries run directly, and prints p50/p95. The issue's target: 300 ms p50.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import sys

import httpx
from neo4j import RoutingControl

from api.settings import get_settings
from bench.alignment import SERVER, _picks, connect, console, prepare, serving, time_calls
from bench.sweep import percentile
from graph.alignment.history import Interval, series_days
from graph.alignment.rollup import rollup
from graph.core.cypher import query
from graph.core.db import Database
from graph.core.history import values_on
from graph.integrations.measurements import push_values
from graph.integrations.push_checks import PushedValue
from graph.seed.synthetic_shape import Size
from runtime import local_neo4j

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 1)
HISTORY = """query($id: ID!, $from: Date!, $to: Date!) {
  progressHistory(id: $id, from: $from, to: $to, interval: MONTH) { day value progress rolledUpProgress }
}"""
TARGET_MS = 300.0


async def _ids(db: Database, objective_id: str) -> list[str]:
    shape = await rollup(db, objective_id=objective_id)
    return [objective_id, *dict.fromkeys(c.child_id for c in shape.contributions)]


async def _push_history(db: Database, ids: list[str]) -> int:
    """Push a value a month for each key result of `ids`; return how many key results."""
    rows = await db.read("alignment/key_results_on_days", ids=ids, days=[None])
    krs = {row["keyResultId"]: row["value"] for row in rows}
    days = [dt.datetime(2026, month, 15, 9, tzinfo=dt.UTC) for month in range(1, 12)]
    days.append(dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC))
    values = [
        PushedValue(
            value=float(current or 0.0) * (0.8 + 0.02 * n),
            observed_at=at,
            source="bench-history",
            key_result_id=kr,
            idempotency_key=f"bench-history:{kr}:{at.date()}",
        )
        for kr, current in krs.items()
        for n, at in enumerate(days)
    ]
    for chunk in range(0, len(values), 5000):
        await push_values(db, values[chunk : chunk + 5000])
    return len(krs)


async def run(args: argparse.Namespace) -> None:
    settings = get_settings()
    uri, db = connect()
    try:
        org_name = await prepare(db, teams=args.teams, seed=args.seed)
        picks = await _picks(db)
        objective_id = picks.strategic_objective_id
        ids = await _ids(db, objective_id)
        krs = await _push_history(db, ids)
        days = [values_on(day) for day in series_days(START, END, Interval.MONTH)]
        texts = [query("alignment/rollup"), query("alignment/objectives_on_days")]
        params = {"objectiveId": objective_id, "valuesOn": None, "ids": ids, "days": days, "org": None}
        variables = {"id": objective_id, "from": START.isoformat(), "to": END.isoformat()}

        async def as_cypher() -> None:
            for text in texts:  # in turn, as the API runs them: the second needs the first's ids
                await db.driver.execute_query(
                    text, params, routing_=RoutingControl.READ, database_=db.database
                )

        with serving(uri) as base:
            async with httpx.AsyncClient(base_url=base, timeout=120) as http:

                async def over_graphql() -> None:
                    response = await http.post("/graphql", json={"query": HISTORY, "variables": variables})
                    if response.status_code != 200 or "errors" in response.json():
                        raise RuntimeError(f"progressHistory: {response.status_code} {response.text[:500]}")

                graphql = await time_calls(over_graphql, runs=args.runs, warmup=args.warmup)
        cypher = await time_calls(as_cypher, runs=args.runs, warmup=args.warmup)
        g50, g95, c50, c95 = (percentile(t, p) for t in (graphql, cypher) for p in (50, 95))
        console.print(
            f"progressHistory, 12 monthly points, {objective_id}: {len(ids) - 1} contributors, {krs} key results"
        )
        console.print(f"GraphQL p50 {g50:.1f} ms, p95 {g95:.1f} ms (target p50 <= {TARGET_MS:.0f})")
        console.print(f"its two queries p50 {c50:.1f} ms, p95 {c95:.1f} ms")
        console.print(
            f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}; {uri}; "
            f"{args.runs} runs after {args.warmup} warm-ups; {org_name}; load average {os.getloadavg()}"
        )
    finally:
        await db.close()
        if settings.neo4j_uri is None and not args.keep:
            local_neo4j.stop(SERVER)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.history", description="Time progressHistory.")
    parser.add_argument("--teams", type=int, default=Size.teams, help="teams in the synthetic organisation")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per side")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first")
    parser.add_argument("--keep", action="store_true", help="leave the local 'bench' Neo4j running")
    asyncio.run(run(parser.parse_args()))
    sys.exit(0)


if __name__ == "__main__":
    main()
