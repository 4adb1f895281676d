"""Time plan files at scale: export the synthetic large organisation, import it fresh into an empty Neo4j,
dry-run the plan with 100 objectives changed, and re-import it unchanged (which must write nothing).

    .venv/bin/python -m bench.plans [--teams 5000] [--seed 7] [--profile]

Targets (issue 11): a fresh import in at most 60 s, the dry run in at most 10 s. It uses NEO4J_URI if set, else
its own local `bench` Neo4j (bench/alignment.py's), and leaves the imported organisation loaded. With
--profile, each step that misses its target prints its top functions (cProfile). docs/BENCHMARKS.md has
the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from bench.alignment import connect, console, prepare
from graph.core.db import Database
from graph.plans import export
from graph.plans.document import Document
from graph.plans.load import read_path
from graph.plans.service import Outcome, import_plan
from graph.seed.synthetic_load import delete_synthetic
from graph.seed.synthetic_shape import ORG_ID

T = TypeVar("T")
TARGETS = {"fresh import": 60.0, "dry run, 100 objectives changed": 10.0}


async def _timed(name: str, work: Callable[[], Awaitable[T]], profile: bool) -> tuple[T, float]:
    profiler = cProfile.Profile() if profile else None
    began = time.monotonic()
    if profiler:
        profiler.enable()
    result = await work()
    if profiler:
        profiler.disable()
    seconds = time.monotonic() - began
    target = TARGETS.get(name)
    verdict = ""
    if target is not None:
        verdict = f" (target {target:.0f} s: {'pass' if seconds <= target else 'MISS'})"
    console.print(f"{name}: {seconds:.1f} s{verdict}")
    if profiler and target is not None and seconds > target:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        console.print(out.getvalue(), markup=False)
    return result, seconds


def _changed(path: Path, count: int) -> Document:
    """The plan with `count` objectives retitled."""
    document = read_path(path)
    for objective in document.data["objectives"][:count]:
        objective["title"] = f"{objective['title']} (revised)"[:200]
    return document


async def run(db: Database, *, teams: int, seed: int, profile: bool) -> bool:
    await prepare(db, teams=teams, seed=seed)
    folder = Path(tempfile.mkdtemp(prefix="bench-plans-"))
    path = folder / "plan.yaml"

    async def export_it() -> int:
        plan = await export.read_plan(db, ORG_ID, cycle_id=None, history=False)
        path.write_text(export.to_yaml(plan), encoding="utf-8")
        return len(plan.objectives)

    objectives, _ = await _timed("export", export_it, profile)
    console.print(f"  {path}: {path.stat().st_size / 1e6:.1f} MB, {objectives} objectives")
    deleted = await delete_synthetic(db)
    console.print(f"  emptied the database of the synthetic organisation ({deleted} nodes)")

    async def fresh() -> Outcome:
        return await import_plan(db, read_path(path))

    outcome, fresh_s = await _timed("fresh import", fresh, profile)
    assert outcome.applied and not outcome.problems, outcome.problems[:5]
    assert outcome.diff is not None
    console.print(f"  {outcome.diff.writes} items written in one transaction")

    async def dry() -> Outcome:
        return await import_plan(db, _changed(path, 100), dry_run=True)

    dry_outcome, dry_s = await _timed("dry run, 100 objectives changed", dry, profile)
    assert dry_outcome.diff is not None and dry_outcome.diff.counts["objectives"]["update"] == 100

    async def again() -> Outcome:
        return await import_plan(db, read_path(path))

    same, _ = await _timed("re-import unchanged", again, profile)
    assert same.diff is not None and same.diff.writes == 0 and not same.applied
    console.print("  re-import wrote nothing")
    load = os.getloadavg()
    console.print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs")
    return fresh_s <= TARGETS["fresh import"] and dry_s <= TARGETS["dry run, 100 objectives changed"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--teams", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", action="store_true", help="Show where a step that misses its target spends time."
    )
    args = parser.parse_args()
    _, db = connect()

    async def go() -> bool:
        try:
            return await run(db, teams=args.teams, seed=args.seed, profile=args.profile)
        finally:
            await db.close()

    sys.exit(0 if asyncio.run(go()) else 1)


if __name__ == "__main__":
    main()
