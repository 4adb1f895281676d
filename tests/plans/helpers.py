"""Running `aligngraph plan ...` against the session's Neo4j, and the graph as comparable data."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from click.testing import Result
from typer.testing import CliRunner

from api.cli.main import app
from graph.core.db import Database

runner = CliRunner()
# Given by the graph at write time, so two imports of one plan differ in them: left out when comparing graphs.
RANDOM = {"id", "receivedAt", "currentMeasurementId"}
NOW = {"observedAt", "lastObservedAt"}  # for measurements a plan's `current` made at import time


async def cli(*args: str) -> Result:
    """Run the CLI in a worker thread (it calls asyncio.run itself)."""
    return await asyncio.to_thread(runner.invoke, app, list(args))


def _key(node: Any) -> str:
    props = dict(node)
    if "idempotencyKey" in props and props["idempotencyKey"] is not None:
        return str(props["idempotencyKey"])
    if "Measurement" in node.labels and props.get("source") == "plan:current":
        return f"current:{props['value']}"
    return str(props.get("id"))


def _props(node: Any) -> dict[str, Any]:
    props = dict(node)
    random_id = node.labels & {"CheckIn", "Measurement", "Retrospective"}
    drop = (RANDOM if random_id else RANDOM - {"id"}) | (
        NOW if props.get("source") == "plan:current" else set()
    )
    drop |= {"lastObservedAt"}
    return {k: str(v) for k, v in props.items() if k not in drop}


async def graph_dump(db: Database) -> tuple[list[str], list[str]]:
    """Every node (labels and properties, random ids left out) and edge (type, ends, properties), sorted."""
    nodes = await db.driver.execute_query("MATCH (n) WHERE NOT n:ApiToken RETURN n")
    edges = await db.driver.execute_query("MATCH (a)-[r]->(b) WHERE NOT a:ApiToken RETURN a, r, b")
    node_rows = sorted(
        json.dumps([sorted(r["n"].labels), _props(r["n"])], sort_keys=True) for r in nodes.records
    )
    edge_rows = sorted(
        json.dumps([r["r"].type, _key(r["a"]), _key(r["b"]), {k: str(v) for k, v in dict(r["r"]).items()}])
        for r in edges.records
    )
    return node_rows, edge_rows


async def wipe(db: Database) -> None:
    await db.driver.execute_query("MATCH (n) DETACH DELETE n")
