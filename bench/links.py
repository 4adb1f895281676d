"""Time the alignment link mutations on the synthetic organisation: what linkContribution, unlinkContribution,
linkSupport, unlinkSupport, linkDependency and unlinkDependency run (graph/planning/links.py, their resolvers'
whole transaction), straight through the driver. Run against the code before and after a change to see what a write costs.

    .venv/bin/python -m bench.links [--teams 5000] [--shape flat] [--runs 20] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys

from rich.table import Table

from bench.alignment import SERVER, connect, console, prepare, time_calls
from bench.sweep import percentile
from graph.planning import links
from graph.seed.synthetic_shape import ORG_ID
from runtime import local_neo4j


async def run(args: argparse.Namespace) -> None:
    _, db = connect()
    try:
        await prepare(db, teams=args.teams, seed=7, shape=args.shape)
        rows = await db.read("synthetic/sample_link", organisationId=ORG_ID)
        pick = rows[0]
        strategy, priority, team = pick["strategicObjectiveId"], pick["priorityId"], pick["teamObjectiveId"]

        async def link_and_unlink() -> None:
            await links.link_contribution(
                db, child_id=team, parent_id=strategy, weight=1.0, counts_toward_progress=True
            )
            await links.unlink_contribution(db, child_id=team, parent_id=strategy)

        async def unsupport_and_support() -> None:
            await links.unlink_support(db, objective_id=strategy, priority_id=priority)
            await links.link_support(db, objective_id=strategy, priority_id=priority)

        async def depend_and_undepend() -> None:
            await links.link_dependency(db, from_id=team, to_id=strategy, note=None)
            await links.unlink_dependency(db, from_id=team, to_id=strategy)

        table = Table(title=f"link mutations, {args.teams} teams, {args.shape} (ms per pair of writes)")
        for column in ("writes", "runs", "p50", "p95"):
            table.add_column(column)
        cases = [
            (f"link + unlink a team objective ({team} -> {strategy})", link_and_unlink),
            (f"unsupport + support the busiest strategy ({strategy} -> {priority})", unsupport_and_support),
            (f"link + unlink a dependency ({team} -> {strategy})", depend_and_undepend),
        ]
        for label, call in cases:
            timings = await time_calls(call, runs=args.runs, warmup=2)
            table.add_row(
                label, str(args.runs), f"{percentile(timings, 50):.1f}", f"{percentile(timings, 95):.1f}"
            )
        console.print(table)
        console.print(f"{platform.platform()}, Python {sys.version.split()[0]}")
    finally:
        await db.close()
        if not args.keep:
            local_neo4j.stop(SERVER)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--teams", type=int, default=5000)
    parser.add_argument("--shape", default="flat")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
