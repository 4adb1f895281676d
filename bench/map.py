"""Time the alignment map's drawing at a business unit of about 500 objectives, in headless Chromium.

`.venv/bin/python -m bench.map [--objectives 500] [--runs 5] [--keep]` (or `make bench-map`) starts or reuses
a local Neo4j called `bench-map` unless NEO4J_URI is set, loads a synthetic organisation of one business unit
holding about that many objectives (graph/seed/synthetic.py), serves the API from a subprocess, and opens
the map of that unit in Debian's Chromium (/usr/bin/chromium) `--runs` times, unfolded and folded by team.
It prints the page's own figures (web/map/main.js's window.alignmentMap): the load (every GraphQL read) and
the draw (dagre's layout and the SVG), and exits 1 when the draw's median is over 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from typing import Any

from playwright.async_api import async_playwright

from api.settings import get_settings
from bench.alignment import connect, console, serving
from graph.core.schema import apply_schema
from graph.seed.synthetic import build
from graph.seed.synthetic_load import is_loaded, load_synthetic
from graph.seed.synthetic_shape import YEAR_ID, Size
from runtime import local_neo4j

SERVER = "bench-map"
CHROMIUM = os.environ.get("AG_CHROMIUM", "/usr/bin/chromium")
TARGET_MS = 2000.0


def size_for(objectives: int) -> Size:
    """One business unit under the company, with about `objectives` objectives and a team per four."""
    teams = max(3, objectives // 4)
    return Size(teams=teams + 2, units=1, objectives=objectives, dependencies=objectives // 3)


async def open_map(browser: Any, url: str) -> dict[str, Any]:
    page = await browser.new_page(viewport={"width": 1500, "height": 900})
    began = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function("window.alignmentMap && window.alignmentMap.ready", timeout=120_000)
    figures: dict[str, Any] = await page.evaluate("({...window.alignmentMap})")
    figures["totalMs"] = (time.perf_counter() - began) * 1000
    await page.close()
    return figures


async def run(args: argparse.Namespace) -> bool:
    settings = get_settings()
    uri, db = connect(SERVER)
    org = build(size_for(args.objectives), args.seed)
    try:
        await db.wait_until_ready()
        await apply_schema(db)
        if not await is_loaded(db, org):
            await load_synthetic(db, org, console=console)
        unit = next(t["id"] for t in org.rows["teams"] if t["kind"] == "BUSINESS_UNIT")
        rows = []
        with serving(uri) as base:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                for fold in ("none", "team"):
                    url = f"{base}/map?org=syn-org&cycle={YEAR_ID}&unit={unit}&collapse={fold}"
                    await open_map(browser, url)  # warm-up: the server's first reads plan their queries
                    runs = [await open_map(browser, url) for _ in range(args.runs)]
                    rows.append((fold, runs))
                await browser.close()
    finally:
        await db.close()
        if settings.neo4j_uri is None and not args.keep:
            local_neo4j.stop(SERVER)
    passed = True
    console.print(f"The map of {unit} in {YEAR_ID}: {org.name}; {args.runs} runs after one warm-up")
    for fold, runs in rows:
        draw = statistics.median(r["drawMs"] for r in runs)
        fastest = min(r["drawMs"] for r in runs)
        layout = statistics.median(r["layoutMs"] for r in runs)
        load = statistics.median(r["loadMs"] for r in runs)
        total = statistics.median(r["totalMs"] for r in runs)
        first = runs[0]
        ok = draw <= TARGET_MS
        passed = passed and ok
        console.print(
            f"fold {fold:>4}: {first['objectives']} objectives, {first['nodes']} nodes, {first['edges']} edges, "
            f"{first['dependencies']} dependencies; draw p50 {draw:.0f} ms (target {TARGET_MS:.0f}: "
            f"{'pass' if ok else 'FAIL'}; fastest {fastest:.0f}, layout p50 {layout:.0f})"
        )
        console.print(f"           load p50 {load:.0f} ms, page to drawn p50 {total:.0f} ms")
    console.print(
        f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, {CHROMIUM}"
    )
    console.print(
        f"1-minute load average at the end: {os.getloadavg()[0]:.1f} (other work slows every figure)"
    )
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.map", description="Time the alignment map.")
    parser.add_argument("--objectives", type=int, default=500, help="objectives in the business unit")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic organisation")
    parser.add_argument("--runs", type=int, default=5, help="timed page loads per folding")
    parser.add_argument("--keep", action="store_true", help="leave the local 'bench-map' Neo4j running")
    sys.exit(0 if asyncio.run(run(parser.parse_args())) else 1)


if __name__ == "__main__":
    main()
